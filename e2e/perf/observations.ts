import type { CascadeFigures, Step } from "./cascade";
import type { ListFigure } from "./list";
import { ms } from "./measure";

// A flag for the reader, not a target: targets come with the performance issue.
const SLOW_MS = 50;

const serial = (f: ListFigure) =>
  f.serialPlan && f.plan?.driver.startsWith("Parallel")
    ? ` With parallel workers off (set local max_parallel_workers_per_gather = 0) the same statement takes ${ms(f.serialPlan.executionMs)} ms (${f.serialPlan.driver}) against ${ms(f.plan.executionMs)} ms in parallel` +
      (f.serialPlan.executionMs < f.plan.executionMs ? `: on this machine the parallel plan costs more than it saves.` : `.`)
    : "";

const rowsOf = (n: number) => (Number.isFinite(n) ? n.toLocaleString("en-US") : "?");

/** Sentences built from this run's numbers and plans, so a rerun cannot leave stale claims. */
export function observations(list: ListFigure[], c: CascadeFigures): string[] {
  const out: string[] = [];
  const by = (prefix: string) => list.find((f) => f.name.startsWith(prefix));
  const p1 = by("page 1,");
  const deep = list.find((f) => f.name.includes("deep page"));
  const counts = by("packageViewCounts");
  const page = by("page 1 data");

  if (p1?.plan) {
    out.push(
      `Page 1: the rows query takes ${ms(p1.plan.executionMs)} ms (${p1.plan.driver}, ${rowsOf(p1.plan.driverRows)} rows read)` +
        (p1.countPlan ? `; its slowest counting statement ${ms(p1.countPlan.executionMs)} ms (${p1.countPlan.driver}, ${rowsOf(p1.countPlan.driverRows)} rows).` : "."),
    );
  }
  if (deep?.plan && p1?.plan) {
    out.push(
      `${deep.name}: ${ms(deep.time.median)} ms median against ${ms(p1.time.median)} ms for page 1 (${(deep.time.median / p1.time.median).toFixed(2)}×); its rows query seeks with the cursor (${deep.plan.driver}) and reads ${rowsOf(deep.plan.driverRows)} rows for ${deep.rows}, in ${ms(deep.plan.executionMs)} ms: the depth costs nothing.`,
    );
  }
  for (const f of list) {
    if (f === p1 || f === deep || f === page || !f.plan || f.time.median <= SLOW_MS) continue;
    const slow = f.countPlan && f.countPlan.executionMs > f.plan.executionMs ? { which: "its count(*) query", p: f.countPlan } : { which: f.countPlan ? "its rows query" : "its single query", p: f.plan };
    const wildcard = /[?&](q|folder)=/.test(f.url) && slow.p.driver.includes("Seq Scan")
      ? ` The filter is ILIKE '%…%' (likePattern in lib/tables/params.ts): a leading wildcard cannot use a btree index, so every package is read, for the count as for the rows.`
      : "";
    out.push(
      `**${f.name}: ${ms(f.time.median)} ms median (p95 ${ms(f.time.p95)}), over ${SLOW_MS} ms.** EXPLAIN puts ${slow.which} at ${ms(slow.p.executionMs)} ms: ${slow.p.driver} returns ${rowsOf(slow.p.driverRows)} rows` +
        `${slow.p.removedByFilter ? ` and discards ${rowsOf(slow.p.removedByFilter)} by filter` : ""}.${wildcard}${serial(f)}`,
    );
  }
  const range = by("type=");
  if (range?.plan?.driver.includes("packages_created_idx") && range.plan.removedByFilter) {
    out.push(
      `Type + start range: no index covers kind or start_at, so the plan walks packages_created_idx backwards and filters (${rowsOf(range.plan.removedByFilter)} rows removed) until it holds 20; the count reads ${rowsOf(range.countPlan?.driverRows ?? NaN)} rows (${range.countPlan?.driver}). A range further back in time reads more.`,
    );
  }
  if (page && p1 && counts) {
    out.push(
      `The page's whole data load (list + quick-link counts + references) is ${ms(page.time.median)} ms median against ${ms(p1.time.median)} ms for the list alone; the quick-link counts alone take ${ms(counts.time.median)} ms.`,
    );
  }
  out.push(...cascadeObservations(c));
  return out;
}

function cascadeObservations(c: CascadeFigures): string[] {
  const step = (steps: Step[], prefix: string) => steps.filter((s) => s.statement.startsWith(prefix)).reduce((a, s) => ({ calls: a.calls + s.calls, ms: a.ms + s.ms }), { calls: 0, ms: 0 });
  const traced = c.steps.reduce((a, s) => a + s.ms, 0);
  const inserts = step(c.steps, `insert into "notifications"`);
  const jobs = step(c.steps, "select graphile_worker.add_jobs");
  const recipients = step(c.steps, "select e.id as entity_id");
  const orders = step(c.steps, `update "orders"`);
  const anchorOrders = step(c.anchorSteps, "update orders");
  const anchorOutbox = step(c.anchorSteps, "recipients");
  const ratio = c.ours.cascadeMs / c.anchor.cascadeMs;
  return [
    `Cancel transaction: ${ms(c.ours.cancelMs)} ms (${ms(c.anchor.cancelMs)} ms on the second package): a guarded UPDATE, a journal line, six remove_job calls, the cascade row and its job. It does not depend on the number of orders.`,
    `**Cascade: ${ms(c.ours.cascadeMs)} ms in the app against ${ms(c.anchor.cascadeMs)} ms for the SQL anchor (${ratio.toFixed(1)}×)**, for ${rowsOf(c.ours.ordersCanceled)} orders, ${rowsOf(c.ours.notified)} outbox rows and ${rowsOf(c.ours.jobsAdded)} jobs, all in one transaction. ` +
      `In the traced run (${ms(traced)} ms), the outbox is ${inserts.calls} INSERT batches of at most 1,000 rows (${ms(inserts.ms)} ms) and ${jobs.calls} add_jobs calls (${ms(jobs.ms)} ms): ${((100 * (inserts.ms + jobs.ms)) / traced).toFixed(0)}% of the cascade. ` +
      `Recipients are read into JS (${ms(recipients.ms)} ms, with a 10,000-uuid array literal in the SQL text) and come back as rendered rows with 6 bound parameters each; the anchor's recipients → outbox → jobs statement never leaves the database and takes ${ms(anchorOutbox.ms)} ms.`,
    `The orders UPDATE costs ${ms(orders.ms)} ms in the app and ${ms(anchorOrders.ms)} ms in the anchor: the same statement. status is a column of orders_package_status_idx, so none of these updates is HOT and each of the 10,000 rows gets a new entry in every index of orders; that is part of the floor, not of the app's code.`,
    `Replay on the same revision: ran=${c.replay.ran}, ${c.replay.notified} notifications, ${c.replay.jobsAdded} jobs, ${ms(c.replay.cascadeMs)} ms: the finished cascade row short-circuits it.`,
  ];
}
