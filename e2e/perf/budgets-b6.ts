import { getDb, getSql } from "../../db";
import { runBudgetMgt, type BudgetMgtResult } from "../../lib/budgets/budget-mgt";
import { explainAll, trace, type Step, type Trace } from "./budgets-trace";
import { verifyBudgets, type Verification } from "./budgets-verify";
import { now, sample, type Sample } from "./execution-measure";
import { explain, type Plan } from "./measure";
import { compare, fullRunVariants, incrementalVariants, setupOf, type WhatIf } from "./budgets-whatif";

// B6: budgetMgt over 1,000,000 expense lines, then one changed line. Ours is the app's own
// runBudgetMgt in a committed transaction through the app's pool (what the technical workflow
// does, minus its run record); the anchor is one flat GROUP BY of the same lines by the budget
// their campaign charges, with the same three sums, through postgres.js.

export const ANCHOR_SQL = `select c.charged_budget_id, sum(coalesce(l.real_amount, l.amount)) as total,
  sum(l.amount) filter (where l.real_amount is null) as open, sum(l.real_amount) as real
from expense_lines l join campaigns c on c.id = l.campaign_id
group by c.charged_budget_id`;

type Details = BudgetMgtResult["details"];
export type IncrementalRun = { ms: number; details: Details; line: string; delta: string };

export type B6Figures = {
  /** The first full run: it generates a line per delivery and task and writes every figure. */
  first: { ms: number; details: Details };
  full: Sample;
  /** Each counted full run's details, in order. */
  fullDetails: Details[];
  anchor: Sample;
  anchorGroups: number;
  incremental: Sample;
  incrementalRuns: IncrementalRun[];
  verifyAfterFull: Verification;
  verifyAfterIncremental: Verification;
  lines: { total: number; generated: number };
  fullTrace: Trace;
  fullExplained: Step[];
  incrementalTrace: Trace;
  incrementalExplained: Step[];
  anchorPlan: Plan;
  /** The anchor with parallel workers off: the app's run is one backend, like this. */
  anchorSerialPlan: Plan;
  /** VACUUM ANALYZE after the first run (untimed), as autovacuum would have done by the next day. */
  vacuumAfterFirstMs: number;
  whatIfs: WhatIf[];
};

async function fullRun(): Promise<{ ms: number; details: Details }> {
  const t0 = now();
  const r = await getDb().transaction((tx) => runBudgetMgt(tx));
  return { ms: now() - t0, details: r.details };
}

async function incrementalRun(since: string): Promise<{ ms: number; details: Details }> {
  const t0 = now();
  const r = await getDb().transaction((tx) => runBudgetMgt(tx, { since }));
  return { ms: now() - t0, details: r.details };
}

async function anchorRun(): Promise<{ ms: number; groups: number }> {
  const t0 = now();
  const rows = await getSql().unsafe(ANCHOR_SQL);
  return { ms: now() - t0, groups: rows.length };
}

/**
 * Manual lines of Defined campaigns costed from their lines, one per campaign: changing one moves
 * its campaign's figures and its budget's (and its parent's).
 */
async function linesToChange(n: number): Promise<string[]> {
  const rows = await getSql()`
    select distinct on (c.id) l.id from campaigns c join expense_lines l on l.campaign_id = c.id
    where c.budget_process = 'defined' and c.real_cost is null and c.status not in ('being_edited', 'to_validate')
      and c.charged_budget_id is not null and l.delivery_id is null and l.task_id is null
    order by c.id, l.id limit ${n}`;
  return rows.map((r) => r.id as string);
}

/** One line's amount moves by a few cents (real amount too when it has one), committed. */
async function changeLine(id: string, k: number): Promise<string> {
  const delta = `0.${String(1 + (k % 98)).padStart(2, "0")}`;
  await getSql()`update expense_lines set amount = amount + ${delta}::numeric,
    real_amount = real_amount + ${delta}::numeric, updated_at = now() where id = ${id}`;
  return delta;
}

export async function benchBudgetMgt(opts: { runs: number; incrementalRuns: number; whatIfRuns: number; log: (s: string) => void }): Promise<B6Figures> {
  const sql = getSql();
  // Warm-up: the first full run (generates the items' lines, writes every figure) and the anchor.
  const first = await fullRun();
  opts.log(`B6 first full run: ${first.ms.toFixed(0)} ms (${JSON.stringify(first.details)})`);
  // The first run added the generated lines and rewrote every campaign: without this the planner
  // would still believe no line has a delivery_id (the statistics predate the run).
  const t0 = now();
  await sql`vacuum analyze`;
  const vacuumAfterFirstMs = now() - t0;
  await anchorRun();
  const o: number[] = [];
  const a: number[] = [];
  const fullDetails: Details[] = [];
  let anchorGroups = 0;
  // Alternating, so that load from other sessions on the machine falls on both alike.
  for (let i = 0; i < opts.runs; i++) {
    const r = await fullRun();
    o.push(r.ms);
    fullDetails.push(r.details);
    const x = await anchorRun();
    a.push(x.ms);
    anchorGroups = x.groups;
    opts.log(`B6 full ${r.ms.toFixed(0)} ms, anchor ${x.ms.toFixed(0)} ms`);
  }
  const [lines] = await sql`select count(*)::int as total, count(*) filter (where delivery_id is not null or task_id is not null)::int as generated from expense_lines`;
  const verifyAfterFull = await verifyBudgets(sql);
  opts.log(`B6 verification after the full runs: ${verifyAfterFull.mismatches} budgets of ${verifyAfterFull.budgets} differ (${verifyAfterFull.ms.toFixed(0)} ms)`);

  const fullTraced = await trace((tx) => runBudgetMgt(tx));
  const fullExplained = await explainAll(fullTraced.sent);
  const whatIfs: WhatIf[] = [];
  const fv = fullRunVariants(fullTraced.sent);
  if (fv) {
    whatIfs.push(await compare("full run", fv.statement, setupOf(fullTraced.sent), fv.variants, opts.whatIfRuns));
    opts.log(`B6 what-ifs (full): ${whatIfs.at(-1)!.variants.map((v) => `${v.name} ${v.error ? `error ${v.error}` : v.time.median.toFixed(0)}`).join(", ")}`);
  }

  // Incremental: each run starts from the previous run's watermark, after one line changed.
  const targets = await linesToChange(opts.incrementalRuns + 2);
  let since = fullDetails.at(-1)?.watermark ?? first.details.watermark;
  const incrementalRuns: IncrementalRun[] = [];
  for (let k = 0; k <= opts.incrementalRuns; k++) {
    const line = targets[k % targets.length]!;
    const delta = await changeLine(line, k);
    const r = await incrementalRun(since);
    since = r.details.watermark;
    // The first one warms the plans of the incremental statements up: not counted.
    if (k > 0) incrementalRuns.push({ ...r, line, delta });
    opts.log(`B6 incremental${k === 0 ? " (warm-up)" : ""} ${r.ms.toFixed(1)} ms, ${r.details.campaignsExamined} campaign(s) examined`);
  }
  const last = targets[(opts.incrementalRuns + 1) % targets.length]!;
  await changeLine(last, opts.incrementalRuns + 1);
  const incTraced = await trace((tx) => runBudgetMgt(tx, { since }));
  const incrementalExplained = await explainAll(incTraced.sent);
  for (const iv of incrementalVariants(incTraced.sent)) {
    whatIfs.push(await compare("incremental run", iv.statement, setupOf(incTraced.sent), iv.variants, opts.whatIfRuns * 3));
    opts.log(`B6 what-ifs (incremental): ${whatIfs.at(-1)!.variants.map((v) => `${v.name} ${v.error ? `error ${v.error}` : v.time.median.toFixed(1)}`).join(", ")}`);
  }
  // Leave the data consistent with the change above, then check again.
  await incrementalRun(since);
  const verifyAfterIncremental = await verifyBudgets(sql);
  opts.log(`B6 verification after the incremental runs: ${verifyAfterIncremental.mismatches} budgets differ`);

  const anchorPlan = await explain(sql, ANCHOR_SQL, []);
  const anchorSerialPlan = await sql.begin(async (tx) => {
    await tx`set local max_parallel_workers_per_gather = 0`;
    return explain(tx, ANCHOR_SQL, []);
  });

  return {
    first,
    full: sample(o),
    fullDetails,
    anchor: sample(a),
    anchorGroups,
    incremental: sample(incrementalRuns.map((r) => r.ms)),
    incrementalRuns,
    verifyAfterFull,
    verifyAfterIncremental,
    lines: { total: lines!.total, generated: lines!.generated },
    fullTrace: fullTraced.trace,
    fullExplained,
    incrementalTrace: incTraced.trace,
    incrementalExplained,
    anchorPlan,
    anchorSerialPlan,
    vacuumAfterFirstMs,
    whatIfs,
  };
}
