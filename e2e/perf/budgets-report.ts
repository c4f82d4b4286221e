import { sectionMarkers } from "./results-file";
import { ANCHOR_SQL, type B6Figures } from "./budgets-b6";
import { budgetsObservations } from "./budgets-observations";
import type { B7Figures, StockRun } from "./budgets-stock";
import type { Step } from "./budgets-trace";
import { stillOpen, type WhatIf } from "./budgets-whatif";
import { fmt, int, type Sample } from "./execution-measure";
import type { ExecEnvironment } from "./run-environment";
import { table } from "./measure";
import { budgetsRows } from "./budgets-summary";
import { scenarioTable } from "./suite-report";

export const { start: SECTION_START, end: SECTION_END } = sectionMarkers("budgets");

export type BudgetsEnvironment = Pick<ExecEnvironment, "date" | "nproc" | "cpu" | "memory" | "postgres" | "commit" | "generation" | "sizes" | "smoke" | "load" | "totalSeconds">;
export type BudgetsFigures = { env: BudgetsEnvironment; b6: B6Figures; b7: B7Figures };

const fence = (s: string) => `\`\`\`\n${s}\n\`\`\``;
const runsOf = (s: Sample) => s.runs.map((x) => fmt(x, 0)).join(", ");
const yes = (ok: boolean) => (ok ? "yes" : "**no**");
const cell = (s: string) => s.replace(/\|/g, "\\|");
// Plans printed in full: every statement of a run at least this slow.
export const FULL_PLAN_MS = { full: 50, incremental: 5, stock: 20 };

function stepsTable(steps: Step[], explained: Step[]): string {
  return table(
    ["#", "statement", "traced ms (to the next statement)", "EXPLAIN ANALYZE exec ms", "rows"],
    steps.map((s, i) => [i + 1, `\`${cell(s.statement)}\``, fmt(s.ms), explained[i]?.plan || explained[i]?.rows !== undefined ? fmt(explained[i]!.ms) : "—", Number.isFinite(explained[i]?.rows) ? int(explained[i]!.rows!) : "—"]),
  );
}

function plans(explained: Step[], minMs: number): string {
  return explained
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.plan && s.ms >= minMs)
    .map(({ s, i }) => `#### Statement ${i + 1}: \`${cell(s.statement)}\` (${fmt(s.ms)} ms)\n\n${fence(s.plan!.text)}`)
    .join("\n\n");
}

export function whatIfSection(w: WhatIf): string {
  const base = w.variants[0]?.time.median ?? NaN;
  const rows = table(
    ["variant", "change", "runs ms", "median ms", "per statement, median ms", "vs as shipped"],
    w.variants.map((v) => [
      v.name,
      cell(v.change),
      v.error ? `error: ${cell(v.error)}` : runsOf1(v.time),
      v.error ? "—" : fmt(v.time.median, 1),
      v.perStatement ? v.perStatement.map((x) => fmt(x, 1)).join(" + ") : "—",
      v.error ? "—" : `${(v.time.median / base).toFixed(2)}×`,
    ]),
  );
  // The as-shipped plans are printed with their run above: here only the fastest alternative's.
  const fastest = w.variants.filter((v) => v.name !== "as shipped" && v.plan && !v.error).sort((a, b) => a.time.median - b.time.median)[0];
  const planned = fastest ? [`Plan of "${fastest.name}" (${fmt(fastest.plan!.executionMs, 1)} ms):\n\n${fence(fastest.plan!.text)}`] : [];
  return `#### What if: ${w.statement} (${w.scenario})

Each variant in its own rolled-back transaction on the same data (its set-up untimed), one warm-up round then ${w.variants[0]?.time.runs.length ?? 0} rounds, variants alternating.

${rows}${planned.length ? `\n\n${planned.join("\n\n")}` : ""}`;
}

const runsOf1 = (s: Sample) => s.runs.map((x) => fmt(x, 1)).join(", ");

function b6Section(b6: B6Figures): string {
  const d = (x: B6Figures["first"]["details"]) => `${int(x.campaignsExamined)} examined; changed: ${x.deliveriesChanged} deliveries, ${x.tasksChanged} tasks, ${x.linesChanged} lines, ${x.campaignsChanged} campaigns, ${x.programsChanged} programs, ${x.plansChanged} plans, ${x.budgetsChanged} budgets`;
  const full = table(
    ["run", "ms", "what it did (details)"],
    [
      ["first full run (warm-up, not counted)", fmt(b6.first.ms, 0), d(b6.first.details)],
      ...b6.full.runs.map((ms, i) => [`full run ${i + 1}`, fmt(ms, 0), b6.fullDetails[i] ? d(b6.fullDetails[i]!) : "—"]),
      ...b6.anchor.runs.map((ms, i) => [`anchor ${i + 1}`, fmt(ms, 0), `${b6.anchorGroups} groups`]),
    ],
  );
  const inc = table(
    ["run", "ms", "line changed by", "campaigns examined", "lines changed", "campaigns changed", "programs", "plans", "budgets changed"],
    b6.incrementalRuns.map((r, i) => [i + 1, fmt(r.ms), `+${r.delta}`, r.details.campaignsExamined, r.details.linesChanged, r.details.campaignsChanged, r.details.programsChanged, r.details.plansChanged, r.details.budgetsChanged]),
  );
  const v = (name: string, x: B6Figures["verifyAfterFull"]) => [name, `${x.mismatches} / ${x.budgets}`, x.campaignMismatches, x.lineMismatches, fmt(x.ms, 0)];
  const verify = table(
    ["check", "budgets with a figure ≠ (of all)", "campaigns with calculated cost ≠", "generated lines ≠ or missing", "check ms"],
    [v("after the full runs", b6.verifyAfterFull), v(`after the ${b6.incrementalRuns.length + 2} incremental runs`, b6.verifyAfterIncremental)],
  );
  const roots = table(
    ["Σ over the root budgets (after the incremental runs)", "stored by budgetMgt", "independent SQL"],
    b6.verifyAfterIncremental.roots.map((r) => [r.column, r.stored, r.independent]),
  );
  const sample = [...b6.verifyAfterFull.sample, ...b6.verifyAfterIncremental.sample];
  return `## B6: budgetMgt over ${int(b6.lines.total)} expense lines

Ours: \`runBudgetMgt(tx)\` (lib/budgets/budget-mgt.ts) in \`getDb().transaction\`, committed, timed from the call to the commit: a full run (\`since\` absent). The first full run generates one line per delivery and task (${int(b6.lines.generated)} of the ${int(b6.lines.total)} lines) and writes every figure; it is the warm-up. A VACUUM ANALYZE follows it, untimed (${fmt(b6.vacuumAfterFirstMs / 1000, 1)} s), as autovacuum would have run by the next day: otherwise the planner keeps statistics from before the generated lines existed. The counted runs are the daily full run over an unchanged data set (they read everything and write nothing). Anchor: one flat GROUP BY of the same lines by the budget their campaign charges, with three sums (Σ coalesce(real, amount), Σ amount where no real amount, Σ real; budgetMgt sums the last two per campaign and adds them), through postgres.js:

${fence(ANCHOR_SQL)}

Runs alternate (ours, anchor, ours, …) so that the load of other sessions falls on both alike.

${full}

Incremental: starting from the last full run's watermark, ONE manual line of a Defined campaign costed from its lines changes (amount and real amount + a few cents, committed, which the expense-line trigger stamps on its campaign), then \`runBudgetMgt(tx, { since })\` with \`since\` = the previous run's \`details.watermark\`. One warm-up, then ${b6.incrementalRuns.length} runs; the median is the ${Math.floor((b6.incrementalRuns.length - 1) / 2) + 1}th.

${inc}

### Exact to the cent

e2e/perf/budgets-verify.ts recomputes every budget's ten figures (own and with descendants) from the raw rows in one hand-written statement: deliveries and tasks priced from their cost structures in SQL (tiers read from the jsonb), manual lines as stored, campaigns costed, charged and bucketed by the rules of lib/budgets/README.md, budgets summed over their subtree by a recursive CTE. Each stored figure is compared numerically and as text at the stored scale (\`round(x, 4)::text\`).

${verify}

${roots}
${sample.length ? `\nFirst mismatches:\n\n${table(["budget", "column", "stored", "independent"], sample.map((m) => [m.budget, m.column, m.stored, m.independent]))}\n` : ""}
### Where a full run spends its time

One more full run on a drizzle instance that timestamps each statement, rolled back (${fmt(b6.fullTrace.totalMs, 0)} ms in all); then the same statements with the same parameters, each under EXPLAIN (ANALYZE, BUFFERS), in order, in a rolled-back transaction. EXPLAIN ANALYZE adds its own timing overhead.

${stepsTable(b6.fullTrace.steps, b6.fullExplained)}

### Where an incremental run spends its time

The same for one incremental run (one line changed; ${fmt(b6.incrementalTrace.totalMs, 1)} ms in all, rolled back).

${stepsTable(b6.incrementalTrace.steps, b6.incrementalExplained)}

### Plans

The anchor (${fmt(b6.anchorPlan.executionMs, 0)} ms):

${fence(b6.anchorPlan.text)}

The anchor with parallel workers off (\`max_parallel_workers_per_gather = 0\`; ${fmt(b6.anchorSerialPlan.executionMs, 0)} ms):

${fence(b6.anchorSerialPlan.text)}

Full run, every statement over ${FULL_PLAN_MS.full} ms:

${plans(b6.fullExplained, FULL_PLAN_MS.full)}

Incremental run, every statement over ${FULL_PLAN_MS.incremental} ms:

${plans(b6.incrementalExplained, FULL_PLAN_MS.incremental)}${
  b6.whatIfs.length
    ? `\n\n### What if\n\nThe statements as budgetMgt sent them (captured by the trace, same parameters), beside changes one could make in lib/budgets; measured here, not made.\n\n${b6.whatIfs.map(whatIfSection).join("\n\n")}`
    : ""
}`;
}

const stockRow = (r: StockRun) => [
  r.name,
  fmt(r.ms, 0),
  r.details.consumptionsChanged ?? "—",
  r.details.ordersAdded ?? "—",
  r.details.linesExamined ?? "—",
  r.details.linesChanged ?? "—",
  `${r.alerts.raised} / ${r.alerts.expectedCrossings}`,
  r.details.alertsCleared ?? "—",
  `${r.alerts.emails} / ${r.alerts.expectedEmails}`,
  `${r.alerts.notificationsAdded} / ${r.alerts.jobsAdded} (${r.alerts.expectedJobs ?? "—"})`,
  yes(r.alerts.ok),
];

function b7Section(b7: B7Figures): string {
  const s = b7.sizes;
  const runs = table(
    ["run", "ms", "consumptions changed", "orders added", "lines re-added", "lines changed", "alerts raised / crossings expected", "alerts cleared", "emails / expected", "notifications / jobs added (expected jobs)", "as expected"],
    [b7.first, ...b7.fullRuns, b7.burst, b7.burstRerun, b7.recross.replenished, b7.recross.recrossed].map(stockRow),
  );
  const anchors = table(
    ["", "runs ms", "median ms"],
    [
      ["runStockMgt, unchanged data", runsOf(b7.full), fmt(b7.full.median, 0)],
      ["anchor: Σ consumptions and Σ orders delivered, per line", runsOf(b7.anchor), fmt(b7.anchor.median, 0)],
      ["the same consumed sums straight from the deliveries (what a full run's sync must read)", runsOf(b7.source), fmt(b7.source.median, 0)],
      [`runStockMgt after the burst of ${int(s.burst)}`, fmt(b7.burst.ms, 0), fmt(b7.burst.ms, 0)],
      ["anchor after the burst", fmt(b7.burstAnchorMs, 0), fmt(b7.burstAnchorMs, 0)],
      [`the burst's INSERT of ${int(s.burst)} deliveries, consumptions written by its triggers (untimed in the run)`, fmt(b7.burstInsert.ms, 0), fmt(b7.burstInsert.ms, 0)],
      ["the same INSERT with the consumption trigger disabled (rolled back)", fmt(b7.burstInsert.withoutTriggersMs, 0), fmt(b7.burstInsert.withoutTriggersMs, 0)],
    ],
  );
  const checks = table(
    ["check", "result"],
    [
      ["lines whose stored ordered / consumed / in stock differ from the raw rows (after every run)", String(b7.figureMismatches)],
      ["stock_consumptions rows / consuming deliveries", `${int(b7.consumptions.rows)} / ${int(b7.consumptions.consuming)}`],
      ["lines whose emailed crossings (distinct crossing numbers in the event keys) ≠ alert_count", String(b7.crossingMismatches)],
      ["a manager emailed twice for one crossing", String(b7.duplicateEmails)],
      [`alert_count of the ${b7.recross.lines} lines that crossed twice`, b7.recross.alertCounts],
    ],
  );
  return `## B7: stockMgt over ${int(b7.consumptions.rows - s.burst - b7.recross.lines)} consumptions, then a burst of ${int(s.burst)}

${int(s.lines)} stock lines, each the stock line of one direct-mail cost category; ${int(s.deliveries)} analysed deliveries on those categories (targeted counts 1–2,000) over ${int(s.campaigns)} campaigns, plus ${int(s.idle)} that consume nothing (canceled, or not analysed); ${int(s.orders)} stock orders, a third past their date, a third due today, a third to come. Each line has one or two of ${s.managers} central managers (the last one disabled); initial stocks put a sixth of the lines in alert after the first run. Ours: \`runStockMgt(tx, { since })\` (lib/stock/stock-mgt.ts) in a committed transaction, as the schedule runs it: the first run full (\`since\` null), each next one from the previous run's \`details.watermark\`. The generator writes with triggers off (\`session_replication_role = replica\`), so the first run, a full one, writes the consumptions as its reconciliation (what it does for rows changed behind the triggers' back) and adds every line up; a \`VACUUM ANALYZE stock_consumptions\` follows, untimed, as autovacuum would have run by the next day; the counted runs then find no line stamped since (no change). The burst: ${int(s.burst)} new analysed deliveries (2,000 each) on ${int(s.burstLines)} lines, inserted as the app would (its triggers write their consumptions and stamp their lines), then one run. Then a second crossing: orders due today lift ${b7.recross.lines} lines in alert above their level (a run clears them), and one delivery each takes them under again.

Before every run an independent query (the lines' figures from the deliveries and orders, and whether each line not in alert should be) says how many crossings and emails the run must produce; "notifications / jobs added" counts the stock-alert outbox rows and send_notification jobs the run added, one job per 100 emails (SEND_BATCH).

${runs}

${anchors}

${checks}

### Where an unchanged run spends its time

${stepsTable(b7.fullRuns.at(-1)!.trace.steps, b7.explained)}

The burst run, traced as it ran (committed):

${stepsTable(b7.burst.trace.steps, [])}

### Plans

The anchor:

${fence(b7.anchorPlan.text)}

The consumed sums from the deliveries:

${fence(b7.sourcePlan.text)}

An unchanged run, every statement over ${FULL_PLAN_MS.stock} ms:

${plans(b7.explained, FULL_PLAN_MS.stock)}${b7.whatIfs.length ? `\n\n### What if\n\n${b7.whatIfs.map(whatIfSection).join("\n\n")}` : ""}`;
}

export function renderBudgetsReport(f: BudgetsFigures): string {
  const { env } = f;
  // What-ifs whose change has since been made are left out, also from an older run's figures.
  const b6 = { ...f.b6, whatIfs: stillOpen(f.b6.whatIfs) };
  const b7 = { ...f.b7, whatIfs: stillOpen(f.b7.whatIfs) };
  const machine = table(
    ["", ""],
    [
      ["date", env.date],
      ...(env.commit ? [["git HEAD at the start (other files may have been edited in the working tree)", env.commit]] : []),
      ["nproc", env.nproc],
      ["CPU", env.cpu],
      ["total memory", env.memory],
      ["PostgreSQL", env.postgres],
      ["fsync rate", "in the suite's section at the top (npm run bench measures the disk); this throwaway cluster runs with fsync off"],
      ["load average (1 min) at the start, after B6, after B7", `${env.load.map((l) => l.toFixed(2)).join(", ")}: other sessions (vitest runs) share these 2 cores, so absolute figures move from run to run; ratios are steadier`],
      ["whole benchmark", env.totalSeconds ? `${fmt(env.totalSeconds, 0)} s` : "—"],
    ],
  );
  const data = table(["data set (generated)", "size"], env.sizes);
  const gen = table(["generation step (set-based SQL)", "ms"], env.generation.map(([n, ms]) => [n, fmt(ms, 0)]));
  const summary = scenarioTable(budgetsRows(f));
  return [
    SECTION_START,
    `# Performance figures: budgetMgt (B6) and stockMgt (B7)${env.smoke ? " — SMOKE RUN, 1/100 of the data" : ""}`,
    "Written by `npm run bench:budgets` (e2e/perf/budgets.bench.ts) on a throwaway embedded PostgreSQL of its own; `-- --smoke` runs the same at 1/100 of the data and writes nothing. Targets are issue 7's. Nothing is asserted: the script reports, and checks every budget's figures and every alert against independent queries.",
    `## Machine\n\n${machine}`,
    `## Data set\n\n${data}\n\n${gen}`,
    `## Summary\n\n${summary}`,
    `## Observations\n\nDerived by the script from this run's figures and plans.\n\n${budgetsObservations(b6, b7).map((o) => `- ${o}`).join("\n")}`,
    b6Section(b6),
    b7Section(b7),
    SECTION_END,
  ].join("\n\n");
}
