import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { ContactImportRow } from "./schemas";

/**
 * Upserts one batch of checked rows into one entity's contacts, in one statement, keyed by
 * (entity, email). The entity id comes from the verified membership, never from the file.
 * - A new contact gets the row's values (status active when the row gives none).
 * - An existing contact takes each non-empty name, merges in the row's attributes (the row's keys
 *   win, the others stay), and changes status only when the row gives one, never lifting an
 *   unsubscription (only the contact list's explicit "Mark active" does that).
 * Rows with and without a status go through two inserts of the same statement, because
 * `excluded` cannot tell "status active given" from "no status given". The batch's emails must be
 * distinct (the action's schema checks it): an upsert touches each row once per statement. Rows are
 * written in email order, so that two imports of overlapping files lock rows in the same order.
 */
export async function upsertContacts(db: DbOrTx, entityId: string, rows: ContactImportRow[]): Promise<{ created: number; updated: number }> {
  if (!rows.length) return { created: 0, updated: 0 };
  const payload = JSON.stringify(
    rows.map((r) => ({ email: r.email, first_name: r.firstName, last_name: r.lastName, status: r.status || null, attributes: r.attributes })),
  );
  const keep = sql.raw(`
    first_name = case when excluded.first_name = '' then c.first_name else excluded.first_name end,
    last_name = case when excluded.last_name = '' then c.last_name else excluded.last_name end,
    attributes = c.attributes || excluded.attributes`);
  const result = await db.execute<{ created: number; updated: number }>(sql`
    with input as (
      select r.email, r.first_name, r.last_name, r.status, coalesce(r.attributes, '{}'::jsonb) as attributes
      from jsonb_to_recordset(${payload}::jsonb) as r(email text, first_name text, last_name text, status contact_status, attributes jsonb)
    ),
    with_status as (
      insert into contacts as c (entity_id, email, first_name, last_name, status, attributes)
      select ${entityId}::uuid, email, first_name, last_name, status, attributes from input where status is not null order by email
      on conflict (entity_id, email) do update set ${keep},
        -- An unsubscription is the contact's own choice: a file never resubscribes anyone.
        status = case when c.status = 'unsubscribed' then c.status else excluded.status end
      returning (c.xmax = 0) as created
    ),
    without_status as (
      insert into contacts as c (entity_id, email, first_name, last_name, status, attributes)
      select ${entityId}::uuid, email, first_name, last_name, 'active', attributes from input where status is null order by email
      on conflict (entity_id, email) do update set ${keep}
      returning (c.xmax = 0) as created
    )
    select count(*) filter (where created)::int as created, count(*) filter (where not created)::int as updated
    from (select created from with_status union all select created from without_status) as t
  `);
  const [counts] = result as unknown as { created: number; updated: number }[];
  return { created: counts?.created ?? 0, updated: counts?.updated ?? 0 };
}
