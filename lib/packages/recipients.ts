import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { uuidArray } from "@/lib/sql-arrays";

export type EntityRecipients = {
  entityId: string;
  internalName: string;
  label: string;
  /** The package notification group: people, who get links made for them. */
  members: { userId: string; email: string }[];
  /** Where the entity's emails go: the group, or the entity's own address when the group is empty. */
  emails: string[];
};

/** Recipients of package emails per entity. `entityIds` null means every local entity. */
export async function entityRecipients(db: DbOrTx, entityIds: string[] | null): Promise<EntityRecipients[]> {
  const filter = entityIds ? sql`and e.id = any(${uuidArray(entityIds)})` : sql``;
  const rows = await db.execute<{ entity_id: string; internal_name: string; label: string; entity_email: string | null; members: { userId: string; email: string }[] }>(sql`
    select e.id as entity_id, e.internal_name, e.label, e.email as entity_email,
      coalesce(json_agg(json_build_object('userId', u.id, 'email', u.email) order by u.email) filter (where u.id is not null), '[]') as members
    from entities e
    left join entity_group_members g on g.entity_id = e.id and g."group" = 'package_notification'
    left join users u on u.id = g.user_id and u.disabled_at is null
    where e.kind = 'local' ${filter}
    group by e.id`);
  return [...rows].map((r) => ({
    entityId: r.entity_id,
    internalName: r.internal_name,
    label: r.label,
    members: r.members,
    emails: r.members.length ? r.members.map((m) => m.email) : r.entity_email ? [r.entity_email] : [],
  }));
}

/**
 * The same recipients as a relation, for statements that queue a fan-out without reading it into
 * JS: one row per person, (entity_id, internal_name, label, user_id, email), for each local entity
 * that `entityFilter` (a condition on `e`) keeps: each active member of its package notification
 * group, or, when it has none, the entity's own address (user_id null). Entities with neither
 * are absent, as in entityRecipients.
 */
export function recipientPeopleSql(entityFilter: SQL): SQL {
  return sql`
    select e.id as entity_id, e.internal_name, e.label, u.id as user_id, u.email
    from entities e
    join entity_group_members g on g.entity_id = e.id and g."group" = 'package_notification'
    join users u on u.id = g.user_id and u.disabled_at is null
    where e.kind = 'local' and ${entityFilter}
    union all
    select e.id, e.internal_name, e.label, null, e.email
    from entities e
    where e.kind = 'local' and ${entityFilter} and coalesce(e.email, '') <> ''
      and not exists (
        select 1 from entity_group_members g join users u on u.id = g.user_id and u.disabled_at is null
        where g.entity_id = e.id and g."group" = 'package_notification')`;
}

/** The entities a package is offered to, as a condition on `e`: its audience, or every local entity. */
export const offeredToSql = (pkg: { id: string; limitToAudience: boolean }): SQL =>
  pkg.limitToAudience ? sql`e.id in (select entity_id from package_audience where package_id = ${pkg.id})` : sql`true`;
