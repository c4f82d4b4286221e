import type postgres from "postgres";

// Set-based generators for B7 (issue 7: stockMgt over 100,000 consumptions, then a burst of
// 1,000). A consumption is what stockMgt derives from a delivery whose cost category names a stock
// line and whose targeted count is known, so the data set is deliveries, not consumption rows: the
// first run creates the 100,000 consumptions. Lines are sized so that a sixth end in alert after
// the first run, and the burst takes about a third of the burst lines under their level.

export type B7Sizes = { lines: number; deliveries: number; idle: number; orders: number; burst: number; burstLines: number; managers: number; campaigns: number };

export function b7Sizes(scale: number): B7Sizes {
  return {
    lines: 1_000 / scale,
    deliveries: 100_000 / scale,
    // Canceled (2/3) and not analysed yet (1/3): they consume nothing.
    idle: 3_000 / scale,
    orders: 3_000 / scale,
    burst: 1_000 / scale,
    burstLines: 100 / scale,
    managers: 20,
    campaigns: 1_000 / scale,
  };
}

const h = (seed: number) => `abs(hashint4(i + ${seed})::bigint)`;
const TODAY = `(now() at time zone 'UTC')::date`;

export async function generateStock(sql: postgres.Sql, n: B7Sizes) {
  await sql.begin(async (tx) => {
    // Foreign keys hold by construction; the cost-change triggers would stamp campaigns that no
    // budget reads here (these campaigns stay Being edited for the budget).
    await tx`set local session_replication_role = replica`;
    await tx.unsafe(`insert into users (email, name, role, disabled_at)
      select 'stock-manager-' || lpad(i::text, 2, '0') || '@bench.test', 'Stock manager ' || i, 'central', case when i = ${n.managers} then now() end
      from generate_series(1, ${n.managers}) i`);
    const [p] = await tx`insert into providers (name) values ('Bench stock provider') returning id`;
    // One or two managers per line; the last manager is disabled (never emailed).
    await tx.unsafe(`with u as (select array_agg(id order by email) as ids from users where email like 'stock-manager-%')
      insert into stock_lines (resource, provider_id, alert_level, manager_ids)
      select 'Bench leaflet ' || lpad(i::text, 4, '0'), '${p!.id}', 1000 + ${h(60)} % 9000,
        case when ${h(61)} % 3 = 0 then array[u.ids[1 + ${h(62)} % cardinality(u.ids)], u.ids[1 + ${h(63)} % cardinality(u.ids)]]
             else array[u.ids[1 + ${h(62)} % cardinality(u.ids)]] end
      from generate_series(1, ${n.lines}) i, u`);
    await tx.unsafe(`insert into cost_categories (provider_id, label, channel, stock_line_id)
      select '${p!.id}', 'Bench stock ' || substr(resource, 14), 'direct_mail', id from stock_lines where resource like 'Bench leaflet %'`);
    await tx.unsafe(`insert into campaigns (label, internal_name, status)
      select 'Bench stock campaign ' || i, 'bench-s-c-' || lpad(i::text, 4, '0'), 'started' from generate_series(1, ${n.campaigns}) i`);
    await insertDeliveries(tx, { count: n.deliveries, idle: n.idle });
    // Orders: a third past their date, a third due today, a third still to come.
    await tx.unsafe(`with l as (select array_agg(id order by resource) as ids from stock_lines where resource like 'Bench leaflet %')
      insert into stock_orders (stock_line_id, volume, delivery_date)
      select l.ids[1 + (i - 1) % cardinality(l.ids)], 5000 + ${h(70)} % 20000,
        ${TODAY} + case (i - 1) / cardinality(l.ids) % 3 when 0 then -(1 + ${h(71)} % 60)::int when 1 then 0 else (1 + ${h(71)} % 60)::int end
      from generate_series(1, ${n.orders}) i, l`);
    // Initial stock: what the line will hold after the first run is its alert level plus an offset
    // from -10,000 to +50,000 (a sixth below, so in alert), computed back from the deliveries and
    // the orders due.
    await tx.unsafe(`update stock_lines s set initial_stock = greatest(0, s.alert_level + (abs(hashtext(s.resource)::bigint) % 60000 - 10000)
        + coalesce(c.q, 0) - coalesce(o.v, 0))
      from stock_lines x
      left join (select cc.stock_line_id, sum(d.targeted_count) as q from deliveries d join cost_categories cc on cc.id = d.cost_category_id
                 where d.targeted_count is not null and d.status <> 'canceled' group by 1) c on c.stock_line_id = x.id
      left join (select stock_line_id, sum(volume) as v from stock_orders where delivery_date <= ${TODAY} group by 1) o on o.stock_line_id = x.id
      where s.id = x.id and s.resource like 'Bench leaflet %'`);
  });
  await sql`vacuum analyze`;
}

/**
 * Direct-mail deliveries over the stock campaigns, a targeted count from 1 to 2,000 each, spread
 * evenly over the lines; then `idle` more that consume nothing: two thirds canceled, a third not
 * analysed yet (no targeted count).
 */
async function insertDeliveries(tx: postgres.TransactionSql, opts: { count: number; idle: number }) {
  await tx.unsafe(`with c as (select array_agg(id order by internal_name) as ids from campaigns where internal_name like 'bench-s-c-%'),
      k as (select array_agg(cc.id order by cc.label) as ids from cost_categories cc where cc.label like 'Bench stock %'),
      g as (select i, i > ${opts.count} as idle, ${h(80)} as h1, ${h(81)} as h2 from generate_series(1, ${opts.count + opts.idle}) i)
    insert into deliveries (campaign_id, label, channel, status, cost_category_id, targeted_count)
    select c.ids[1 + h1 % cardinality(c.ids)], 'Bench mailing ' || i, 'direct_mail',
      (case when idle and i % 3 <> 0 then 'canceled'
            else (array['sent_to_provider', 'finished', 'finished', 'file_to_approve'])[1 + h2 % 4] end)::delivery_status,
      k.ids[1 + (i - 1) % cardinality(k.ids)],
      case when idle and i % 3 = 0 then null else 1 + h2 % 2000 end
    from g, c, k`);
}

/**
 * The burst: `count` new analysed deliveries on the first `lines` lines (by resource), 2,000 each,
 * inserted as the app would (triggers on), in one statement.
 */
export async function insertBurst(sql: postgres.Sql | postgres.TransactionSql, opts: { count: number; lines: number; quantity: number; tag: string; lineIds?: string[] }) {
  const lines = opts.lineIds
    ? `select unnest(array[${opts.lineIds.map((id) => `'${id}'`).join(",")}]::uuid[]) as id`
    : `select id from stock_lines where resource like 'Bench leaflet %' order by resource limit ${opts.lines}`;
  await sql.unsafe(`with l as (select array_agg(id order by id) as ids from (${lines}) x),
      k as (select array_agg(cc.id order by cc.stock_line_id) as ids from cost_categories cc join l on cc.stock_line_id = any(l.ids)),
      c as (select array_agg(id order by internal_name) as ids from campaigns where internal_name like 'bench-s-c-%')
    insert into deliveries (campaign_id, label, channel, status, cost_category_id, targeted_count)
    select c.ids[1 + i % cardinality(c.ids)], '${opts.tag} ' || i, 'direct_mail', 'sent_to_provider', k.ids[1 + i % cardinality(k.ids)], ${opts.quantity}
    from generate_series(1, ${opts.count}) i, k, c`);
}
