import type postgres from "postgres";

// Set-based generators: one INSERT … SELECT per table, so that generating 100,000 rows costs
// seconds and the benchmark measures the portal, not the loader. hashint4(i) stands in for
// random() so that every run builds the same data set.

const pad = (col: string) => `lpad(${col}::text, 5, '0')`;

/** Local entities `bench-e-00001…`, each with one package-notification group member. */
export async function generateEntities(sql: postgres.Sql, n: number) {
  await sql.unsafe(`
    insert into entities (kind, label, internal_name, email)
    select 'local', 'Bench entity ' || ${pad("i")}, 'bench-e-' || ${pad("i")}, 'contact@bench-e-' || ${pad("i")} || '.demo'
    from generate_series(1, ${n}) i`);
  await sql.unsafe(`
    insert into users (email, name, role)
    select 'notify@' || internal_name || '.demo', 'Notify ' || label, 'local'
    from entities where internal_name like 'bench-e-%'`);
  await sql.unsafe(`
    insert into entity_group_members (entity_id, "group", user_id)
    select e.id, 'package_notification', u.id
    from entities e join users u on u.email = 'notify@' || e.internal_name || '.demo'
    where e.internal_name like 'bench-e-%'`);
}

// 20 buckets: mostly published, a long tail of the other statuses, like a catalog years old.
const STATUS_BUCKETS = [
  ...Array(3).fill("being_edited"),
  ...Array(2).fill("pending_approval"),
  ...Array(2).fill("approved"),
  ...Array(9).fill("published"),
  "rejected",
  ...Array(3).fill("canceled"),
];

/**
 * Packages created over the last three years, on the seeded central campaigns, in 40 folders
 * (a tenth in none), a quarter collaborative. Dates derive from created_at so they stay coherent.
 */
export async function generatePackages(sql: postgres.Sql, n: number) {
  const statuses = `array[${STATUS_BUCKETS.map((s) => `'${s}'`).join(",")}]`;
  await sql.unsafe(`
    with refs as (select array_agg(id order by created_at, id) as ids from campaigns where entity_id is null),
    author as (select id from users where email = 'admin@central.demo'),
    g as (select i, abs(hashint4(i)::bigint) as h, abs(hashint4(i + 7919)::bigint) as h2 from generate_series(1, ${n}) i),
    d as (select *, now() - (h % (3 * 365 * 24 * 60)) * interval '1 minute' as created, (h2 % 60) * interval '1 day' as lead from g)
    insert into packages (kind, label, internal_name, folder, reference_campaign_id, created_by_id, limit_to_audience,
      start_at, end_at, available_at, approval_deadline, status, status_changed_at, created_at, updated_at)
    select
      (case when h % 4 = 0 then 'collaborative' else 'local' end)::package_kind,
      (array['Spring sale','Summer offer','Back to school','Black Friday','Christmas','New store','Loyalty','Newsletter'])[1 + h2 % 8] || ' ' || i,
      'bench-pkg-' || i,
      case when h2 % 10 = 0 then '' else 'Folder ' || lpad((1 + h2 % 40)::text, 2, '0') end,
      refs.ids[1 + i % cardinality(refs.ids)],
      author.id,
      h % 4 = 0,
      created + lead,
      created + lead + (30 + h % 90) * interval '1 day',
      created + lead / 2,
      created + interval '3 days',
      (${statuses})[1 + (h / 7) % ${STATUS_BUCKETS.length}]::package_status,
      created + (h2 % 72) * interval '1 hour',
      created,
      created
    from d, refs, author`);
}

/**
 * A published collaborative package whose audience is every bench entity, each with one live
 * order, on its own started reference campaign (two started workflows, three in-progress
 * deliveries). Called twice: once for the app's cascade, once for the SQL anchor.
 */
export async function generateCascadePackage(sql: postgres.Sql, tag: string): Promise<{ packageId: string; campaignId: string }> {
  const [c] = await sql`
    insert into campaigns (label, internal_name, template_id, status, start_date, end_date)
    select ${`Bench cascade ${tag}`}, ${`bench-cascade-${tag}`}, id, 'started', now() - interval '7 days', now() + interval '60 days'
    from campaign_templates where internal_name = 'seasonal-newsletter-by-form'
    returning id`;
  const campaignId = c!.id as string;
  await sql`
    with w as (
      insert into workflows (campaign_id, label, status)
      values (${campaignId}, 'Main', 'started'), (${campaignId}, 'Reminders', 'started') returning id)
    insert into deliveries (campaign_id, workflow_id, label, status)
    select ${campaignId}, (select min(id::text)::uuid from w), 'Wave ' || i, 'in_progress' from generate_series(1, 3) i`;
  const [p] = await sql`
    insert into packages (kind, label, internal_name, folder, reference_campaign_id, created_by_id, limit_to_audience,
      start_at, end_at, available_at, registration_deadline, status, status_changed_at)
    select 'collaborative', ${`Bench cascade ${tag}`}, ${`bench-cascade-${tag}`}, 'Bench', ${campaignId}, id, true,
      now() - interval '1 day', now() + interval '30 days', now() - interval '1 day', now() + interval '10 days', 'published', now()
    from users where email = 'admin@central.demo'
    returning id`;
  const packageId = p!.id as string;
  await sql`
    insert into package_audience (package_id, entity_id)
    select ${packageId}, id from entities where internal_name like 'bench-e-%'`;
  await sql`
    insert into orders (package_id, entity_id, label, status)
    select ${packageId}, id, 'Order of ' || label,
      (array['ordered','approved','available'])[1 + (row_number() over (order by internal_name)) % 3]::order_status
    from entities where internal_name like 'bench-e-%'`;
  return { packageId, campaignId };
}
