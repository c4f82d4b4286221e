import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { uuidArray } from "@/lib/sql-arrays";

export type EntityRecipients = { entityId: string; internalName: string; label: string; emails: string[] };

/**
 * Who receives a package email for each entity: its package notification group, or the entity's
 * own address when the group is empty. `entityIds` null means every local entity.
 */
export async function entityRecipients(db: DbOrTx, entityIds: string[] | null): Promise<EntityRecipients[]> {
  const filter = entityIds ? sql`and e.id = any(${uuidArray(entityIds)})` : sql``;
  const rows = await db.execute<{ entity_id: string; internal_name: string; label: string; emails: string[] }>(sql`
    select e.id as entity_id, e.internal_name, e.label,
      coalesce(nullif(array_remove(array_agg(distinct u.email), null), '{}'), case when e.email is null then '{}' else array[e.email] end) as emails
    from entities e
    left join entity_group_members g on g.entity_id = e.id and g."group" = 'package_notification'
    left join users u on u.id = g.user_id and u.disabled_at is null
    where e.kind = 'local' ${filter}
    group by e.id`);
  return [...rows].map((r) => ({ entityId: r.entity_id, internalName: r.internal_name, label: r.label, emails: r.emails }));
}
