import type postgres from "postgres";

/**
 * A local package pending approval, offered to every bench entity (generateEntities: one
 * package-notification group member each), so that approving it publishes to all of them: one
 * [New catalog entry] email per entity. `availableInDays` ≤ 0 publishes at once (the publish job
 * runs as soon as the approval commits); > 0 schedules the publication for later.
 */
export async function createPendingPackage(sql: postgres.Sql, tag: string, availableInDays: number): Promise<string> {
  const [p] = await sql`
    insert into packages (kind, label, internal_name, folder, reference_campaign_id, created_by_id, limit_to_audience,
      description, message_for_entities, start_at, end_at, available_at, approval_deadline, status, revision)
    select 'local', ${`Spring offer ${tag}`}, ${`bench-fanout-${tag}`}, 'Bench',
      (select id from campaigns where entity_id is null order by created_at, id limit 1), u.id, true,
      'Posters, leaflets and a newsletter for the spring offer.', 'Order before the end of the month, please.',
      now(), now() + interval '60 days', now() + ${availableInDays} * interval '1 day' - interval '1 minute', now() + interval '3 days',
      'pending_approval', 1
    from users u where u.email = 'admin@central.demo'
    returning id`;
  const packageId = p!.id as string;
  await sql`insert into package_audience (package_id, entity_id) select ${packageId}, id from entities where internal_name like 'bench-e-%'`;
  return packageId;
}
