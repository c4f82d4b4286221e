import { getSql } from "../../db";
import { SEND_BATCH } from "../../lib/notifications/queue";
import { runStockMgt, type StockMgtResult } from "../../lib/stock/stock-mgt";
import { insertBurst, type B7Sizes } from "./budgets-stock-data";
import { explainAll, trace, type Step, type Trace } from "./budgets-trace";
import { now, rolledBackSql, sample, type Sample } from "./execution-measure";
import { explain, type Plan } from "./measure";
import { burstVariants, linesVariants } from "./budgets-stock-whatif";
import { compare, type WhatIf } from "./budgets-whatif";

// B7: stockMgt over 100,000 consumptions, then a burst of 1,000. Ours is the app's runStockMgt in
// a committed transaction through the app's pool (a statement-timestamping logger on it gives each
// run's steps); the anchor is the raw aggregate the lines' figures come from: Σ consumptions and
// Σ orders delivered, per line, in one statement. Every run's alerts are checked against the
// crossings an independent query expects before it.

const TODAY = `(now() at time zone 'UTC')::date`;

export const STOCK_ANCHOR_SQL = `select l.id, coalesce(c.q, 0) as consumed, coalesce(o.v, 0) as ordered, l.initial_stock + coalesce(o.v, 0) - coalesce(c.q, 0) as in_stock
from stock_lines l
left join (select stock_line_id, sum(quantity) as q from stock_consumptions group by stock_line_id) c on c.stock_line_id = l.id
left join (select stock_line_id, sum(volume) as v from stock_orders where delivery_date <= ${TODAY} group by stock_line_id) o on o.stock_line_id = l.id`;

// The floor of what a run must read to be right: the same sums straight from the deliveries.
export const STOCK_SOURCE_SQL = `select cc.stock_line_id, sum(d.targeted_count) as consumed
from deliveries d join cost_categories cc on cc.id = d.cost_category_id
where cc.stock_line_id is not null and d.targeted_count is not null and d.status <> 'canceled'
group by cc.stock_line_id`;

// Each line's figures from the raw rows, and whether the line should be in alert.
const EXPECTED = `with c as (${STOCK_SOURCE_SQL}),
  o as (select stock_line_id, sum(volume) as v from stock_orders where delivery_date <= ${TODAY} group by 1)
select l.id, l.alert_level, l.alert_since is not null as in_alert, l.alert_count, l.ordered, l.consumed, l.in_stock,
  coalesce(o.v, 0)::int as x_ordered, coalesce(c.consumed, 0)::int as x_consumed,
  (l.initial_stock + coalesce(o.v, 0) - coalesce(c.consumed, 0))::int as x_in_stock,
  (select count(*)::int from users u where u.id = any(l.manager_ids) and u.role = 'central' and u.disabled_at is null) as managers
from stock_lines l left join c on c.stock_line_id = l.id left join o on o.stock_line_id = l.id`;

type Details = StockMgtResult["details"];

export type AlertCheck = {
  /** Lines not in alert before the run whose figures put them at or below their level. */
  expectedCrossings: number;
  expectedEmails: number;
  raised: number;
  emails: number;
  /** stock-alert notifications and send jobs added by the run. */
  notificationsAdded: number;
  jobsAdded: number;
  /** One send job carries SEND_BATCH emails. */
  expectedJobs: number;
  ok: boolean;
};

export type StockRun = { name: string; ms: number; details: Details; alerts: AlertCheck; trace: Trace };

export type B7Figures = {
  sizes: B7Sizes;
  first: StockRun;
  full: Sample;
  fullRuns: StockRun[];
  anchor: Sample;
  source: Sample;
  burst: StockRun;
  burstAnchorMs: number;
  /**
   * The burst's own INSERT of deliveries, whose consumptions the triggers write in the same
   * statement (migration 0017), and the same INSERT with those triggers disabled (rolled back).
   */
  burstInsert: { ms: number; withoutTriggersMs: number };
  burstRerun: StockRun;
  recross: { replenished: StockRun; recrossed: StockRun; lines: number; alertCounts: string };
  /** Lines whose stored ordered / consumed / in stock differ from the raw rows, after the runs. */
  figureMismatches: number;
  consumptions: { rows: number; consuming: number };
  /** Lines whose emailed crossings (distinct numbers in the event keys) differ from alert_count. */
  crossingMismatches: number;
  duplicateEmails: number;
  explained: Step[];
  anchorPlan: Plan;
  sourcePlan: Plan;
  whatIfs: WhatIf[];
};

async function counts() {
  const [r] = await getSql()`select
    (select count(*)::int from notifications where event_key like 'stock-alert:%') as notifications,
    (select count(*)::int from graphile_worker.jobs where task_identifier = 'send_notification') as jobs`;
  return r as unknown as { notifications: number; jobs: number };
}

async function expectedNow() {
  const rows = await getSql().unsafe(EXPECTED);
  const crossing = rows.filter((r) => !r.in_alert && r.x_in_stock <= r.alert_level);
  return { crossings: crossing.length, emails: crossing.reduce((a, r) => a + (r.managers as number), 0), rows };
}

// As the schedule runs it: the first run full, each next one from the previous run's watermark.
let since: string | null = null;

/** One committed run of runStockMgt, its steps, and its alerts checked against the crossings. */
async function stockRun(name: string): Promise<StockRun> {
  const expected = await expectedNow();
  const before = await counts();
  const t0 = now();
  const { trace: t, result } = await trace((tx) => runStockMgt(tx, { since }), { commit: true });
  since = result.details.watermark;
  const ms = now() - t0;
  const after = await counts();
  const d = result.details;
  const alerts: AlertCheck = {
    expectedCrossings: expected.crossings,
    expectedEmails: expected.emails,
    raised: d.alertsRaised ?? NaN,
    emails: d.emails ?? NaN,
    notificationsAdded: after.notifications - before.notifications,
    jobsAdded: after.jobs - before.jobs,
    expectedJobs: Math.ceil(expected.emails / SEND_BATCH),
    ok: false,
  };
  alerts.ok =
    alerts.raised === alerts.expectedCrossings &&
    alerts.emails === alerts.expectedEmails &&
    alerts.notificationsAdded === alerts.expectedEmails &&
    alerts.jobsAdded === alerts.expectedJobs;
  return { name, ms, details: d, alerts, trace: t };
}

async function timedSql(query: string): Promise<number> {
  const t0 = now();
  await getSql().unsafe(query);
  return now() - t0;
}

export async function benchStockMgt(sizes: B7Sizes, opts: { runs: number; whatIfRuns: number; log: (s: string) => void }): Promise<B7Figures> {
  const sql = getSql();
  const say = (r: StockRun) => opts.log(`B7 ${r.name}: ${r.ms.toFixed(0)} ms, ${JSON.stringify(r.details)}, alerts ${r.alerts.ok ? "as expected" : `NOT as expected ${JSON.stringify(r.alerts)}`}`);
  // The first run, a full one, re-adds every line and raises the first alerts: reported, not counted.
  const first = await stockRun("first run (full)");
  say(first);
  // As autovacuum would have by the next day (B6 does the same): the consumptions the first run
  // wrote become visible to every transaction, so a line's sum is read from its index alone.
  await sql`vacuum analyze stock_consumptions`;
  await timedSql(STOCK_ANCHOR_SQL);
  await timedSql(STOCK_SOURCE_SQL);
  const fullRuns: StockRun[] = [];
  const a: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const r = await stockRun(`run ${i + 1}`);
    say(r);
    fullRuns.push(r);
    a.push(await timedSql(STOCK_ANCHOR_SQL));
    s.push(await timedSql(STOCK_SOURCE_SQL));
  }
  const traced = await trace((tx) => runStockMgt(tx, { since }));
  const explained = await explainAll(traced.sent);
  const whatIfs: WhatIf[] = [];
  const sayWhatIf = (w: WhatIf) => opts.log(`B7 what-ifs (${w.statement}): ${w.variants.map((v) => `${v.name} ${v.error ? `error ${v.error}` : v.time.median.toFixed(0)}`).join(", ")}`);
  const lv = linesVariants(traced.sent);
  if (lv) {
    whatIfs.push(await compare("unchanged run", lv.statement, [], lv.variants, opts.whatIfRuns));
    sayWhatIf(whatIfs.at(-1)!);
  }

  const [{ burstAt } = { burstAt: "" }] = await sql<{ burstAt: string }[]>`select now()::text as "burstAt"`;
  const burstOpts = { count: sizes.burst, lines: sizes.burstLines, quantity: 2000, tag: "Bench burst" };
  const withoutTriggersMs = await rolledBackSql(sql, async (tx) => {
    await tx`alter table deliveries disable trigger deliveries_consumption_insert`;
    const t0 = now();
    await insertBurst(tx, burstOpts);
    return now() - t0;
  });
  const tb = now();
  await insertBurst(sql, burstOpts);
  const burstInsert = { ms: now() - tb, withoutTriggersMs };
  opts.log(`B7 the burst's INSERT of ${sizes.burst} deliveries: ${burstInsert.ms.toFixed(0)} ms (${withoutTriggersMs.toFixed(0)} ms without the consumption triggers)`);
  const bv = burstVariants(traced.sent, burstAt);
  if (bv) {
    whatIfs.push(await compare("burst", bv.statement, [], bv.variants, opts.whatIfRuns));
    sayWhatIf(whatIfs.at(-1)!);
  }
  const burst = await stockRun(`burst of ${sizes.burst} consumptions`);
  say(burst);
  const burstAnchorMs = await timedSql(STOCK_ANCHOR_SQL);
  const burstRerun = await stockRun("rerun after the burst");
  say(burstRerun);

  // A second crossing of the same lines: an order due today lifts ten lines in alert above their
  // level (the run clears their alert), then new deliveries take them under again (a new email each).
  const inAlert = (await expectedNow()).rows.filter((r) => r.in_alert && r.managers > 0).slice(0, 10);
  for (const r of inAlert) {
    await sql`insert into stock_orders (stock_line_id, volume, delivery_date)
      values (${r.id}, ${r.alert_level - r.x_in_stock + 5000}, (now() at time zone 'UTC')::date)`;
  }
  const replenished = await stockRun("orders due today lift 10 lines in alert");
  say(replenished);
  await insertBurst(sql, { count: inAlert.length, lines: inAlert.length, quantity: 6000, tag: "Bench recross", lineIds: inAlert.map((r) => r.id as string) });
  const recrossed = await stockRun("the same 10 lines cross again");
  say(recrossed);
  const [ac] = await sql`select string_agg(alert_count::text, ', ' order by id) as counts from stock_lines where id = any(${inAlert.map((r) => r.id as string)}::uuid[])`;

  const rows = (await expectedNow()).rows;
  const figureMismatches = rows.filter((r) => r.ordered !== r.x_ordered || r.consumed !== r.x_consumed || r.in_stock !== r.x_in_stock).length;
  const [cons] = await sql.unsafe(`select (select count(*)::int from stock_consumptions) as rows,
    (select count(*)::int from deliveries d join cost_categories cc on cc.id = d.cost_category_id
      where cc.stock_line_id is not null and d.targeted_count is not null and d.status <> 'canceled') as consuming`);
  const [cross] = await sql.unsafe(`with emailed as (
      select split_part(event_key, ':', 2)::uuid as line, count(distinct split_part(event_key, ':', 3)) as crossings
      from notifications where event_key like 'stock-alert:%' group by 1)
    select count(*)::int as n from stock_lines l join emailed e on e.line = l.id where e.crossings <> l.alert_count`);
  const [dup] = await sql.unsafe(`select count(*)::int as n from (
      select split_part(event_key, ':', 2), split_part(event_key, ':', 3), recipient from notifications
      where event_key like 'stock-alert:%' group by 1, 2, 3 having count(*) > 1) x`);

  return {
    sizes,
    first,
    full: sample(fullRuns.map((r) => r.ms)),
    fullRuns,
    anchor: sample(a),
    source: sample(s),
    burst,
    burstAnchorMs,
    burstInsert,
    burstRerun,
    recross: { replenished, recrossed, lines: inAlert.length, alertCounts: ac!.counts ?? "" },
    figureMismatches,
    consumptions: { rows: cons!.rows, consuming: cons!.consuming },
    crossingMismatches: cross!.n,
    duplicateEmails: dup!.n,
    explained,
    anchorPlan: await explain(sql, STOCK_ANCHOR_SQL, []),
    sourcePlan: await explain(sql, STOCK_SOURCE_SQL, []),
    whatIfs,
  };
}
