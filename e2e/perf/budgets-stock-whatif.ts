import type { Variant } from "./budgets-whatif";

// B7 what-ifs: stockMgt's statements as sent (captured from an unchanged run) beside alternatives,
// replayed by compare() in rolled-back transactions. Nothing here changes lib/stock.

type Sent = { query: string; params: unknown[] };

const CONSUMES = `cc.stock_line_id is not null and d.targeted_count is not null and d.status <> 'canceled'`;

// The lines' figures with the delivered orders summed once per line in a join, instead of a
// correlated subquery evaluated twice per line (ordered, and in_stock).
const LINES_JOINED = `with changed as (
  update stock_lines l set ordered = f.ordered, consumed = f.consumed, in_stock = l.initial_stock + f.ordered - f.consumed, computed_at = now()
  from (select s.id, coalesce(o.v, 0)::int as ordered, coalesce(c.q, 0)::int as consumed
        from stock_lines s
        left join (select stock_line_id, sum(volume) as v from stock_orders where added_at is not null group by 1) o on o.stock_line_id = s.id
        left join (select stock_line_id, sum(quantity) as q from stock_consumptions group by 1) c on c.stock_line_id = s.id) f
  where l.id = f.id
    and ((l.ordered, l.consumed, l.in_stock) is distinct from (f.ordered, f.consumed, l.initial_stock + f.ordered - f.consumed) or l.computed_at is null)
  returning 1)
select count(*)::int as n from changed`;

const find = (sent: Sent[], pattern: RegExp) => sent.find((s) => pattern.test(s.query));

/** The lines' UPDATE as shipped against the joined rewrite (an unchanged run: nothing changes). */
export function linesVariants(sent: Sent[]): { statement: string; variants: Variant[] } | null {
  const st = find(sent, /update stock_lines l\s+set ordered/i);
  if (!st) return null;
  return {
    statement: "the lines' ordered / consumed / in stock UPDATE",
    variants: [
      { name: "as shipped", change: "—", prep: [], timed: [st] },
      { name: "orders joined", change: "the delivered orders summed per line in a joined subquery (as the consumptions already are) instead of a correlated subquery run twice per line", prep: [], timed: [{ query: LINES_JOINED, params: [] }] },
    ],
  };
}

/**
 * After the burst: the whole run as shipped (every statement of an unchanged run, replayed) against
 * an incremental run keyed on deliveries.updated_at, as budgetMgt is keyed on a stamp: upsert and
 * delete only the consumptions of deliveries changed since the last run (an index on
 * deliveries.updated_at, built untimed), and recompute only the lines they or the orders touch.
 */
export function burstVariants(sent: Sent[], since: string): { statement: string; variants: Variant[] } | null {
  const orders = find(sent, /update stock_orders set added_at/i);
  const raise = find(sent, /update stock_lines set alert_since = now\(\)/i);
  const clear = find(sent, /update stock_lines set alert_since = null/i);
  if (!orders || !raise || !clear) return null;
  const p = [since];
  const upsert = `with changed as (
  insert into stock_consumptions (stock_line_id, delivery_id, campaign_id, quantity)
  select cc.stock_line_id, d.id, d.campaign_id, d.targeted_count
  from deliveries d join cost_categories cc on cc.id = d.cost_category_id
  where d.updated_at >= $1::timestamptz and ${CONSUMES}
  on conflict (delivery_id) do update
    set stock_line_id = excluded.stock_line_id, campaign_id = excluded.campaign_id, quantity = excluded.quantity, updated_at = now()
    where (stock_consumptions.stock_line_id, stock_consumptions.campaign_id, stock_consumptions.quantity)
      is distinct from (excluded.stock_line_id, excluded.campaign_id, excluded.quantity)
  returning 1)
select count(*)::int as n from changed`;
  const remove = `with changed as (
  delete from stock_consumptions sc using deliveries d
  where d.id = sc.delivery_id and d.updated_at >= $1::timestamptz
    and not exists (select 1 from cost_categories cc where cc.id = d.cost_category_id and cc.stock_line_id = sc.stock_line_id
      and d.targeted_count is not null and d.status <> 'canceled')
  returning 1)
select count(*)::int as n from changed`;
  const lines = `with touched as (
  select cc.stock_line_id as id from deliveries d join cost_categories cc on cc.id = d.cost_category_id
  where d.updated_at >= $1::timestamptz and cc.stock_line_id is not null
  union select stock_line_id from stock_orders where added_at >= now()
), changed as (
  update stock_lines l set ordered = f.ordered, consumed = f.consumed, in_stock = l.initial_stock + f.ordered - f.consumed, computed_at = now()
  from (select t.id,
          coalesce((select sum(o.volume) from stock_orders o where o.stock_line_id = t.id and o.added_at is not null), 0)::int as ordered,
          coalesce((select sum(c.quantity) from stock_consumptions c where c.stock_line_id = t.id), 0)::int as consumed
        from touched t) f
  where l.id = f.id
    and ((l.ordered, l.consumed, l.in_stock) is distinct from (f.ordered, f.consumed, l.initial_stock + f.ordered - f.consumed) or l.computed_at is null)
  returning 1)
select count(*)::int as n from changed`;
  return {
    statement: "a whole run after the burst (without the emails)",
    variants: [
      { name: "as shipped", change: "—", prep: [], timed: sent.filter((s) => !/^\s*(insert into "notifications"|select graphile_worker\.add_jobs)/i.test(s.query)), explain: null },
      {
        name: "incremental on deliveries.updated_at",
        change:
          "consumptions upserted and deleted only for deliveries updated since the last run's start (`create index on deliveries (updated_at)`, built untimed), lines recomputed only where those deliveries or newly added orders point; orders, alerts as shipped. Needs every change of a delivery's status, category or targeted count to bump updated_at (a trigger, like the campaigns' cost stamp), and a category's stock line change to stamp its deliveries",
        prep: ["create index deliveries_updated_idx on deliveries (updated_at)", "analyze deliveries"],
        explain: 0,
        timed: [
          { query: upsert, params: p },
          { query: remove, params: p },
          orders,
          { query: lines, params: p },
          raise,
          clear,
        ],
      },
    ],
  };
}
