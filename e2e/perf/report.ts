import type { CascadeFigures, CascadeRun, Step } from "./cascade";
import type { ListFigure } from "./list";
import { ms, table, type Plan } from "./measure";
import { observations } from "./observations";

export type Environment = {
  date: string;
  nproc: string;
  cpu: string;
  memory: string;
  postgres: string;
  generation: [string, number][];
  sizes: [string, number | string][];
};

const fence = (s: string) => `\`\`\`\n${s}\n\`\`\``;
const planCell = (p?: Plan) => (p ? `${p.top} → ${p.driver}: ${ms(p.executionMs)}` : "—");
// Plans printed in full: the two the issue asks for, and any statement slower than this.
const FULL_PLAN_MS = 50;

function listSection(list: ListFigure[]): string {
  const figures = table(
    ["case", "URL", "rows", "total", "median ms", "p95 ms", "rows query: top → driving scan: exec ms", "slowest counting statement: exec ms"],
    list.map((f) => [f.name, `\`${f.url}\``, f.rows, f.total, ms(f.time.median), ms(f.time.p95), planCell(f.plan), planCell(f.countPlan)]),
  );
  const scans = list
    .filter((f) => f.plan)
    .map((f) => `- **${f.name}**: ${f.plan!.scans.join(" → ")}${f.countPlan ? `\n  - slowest counting statement: ${f.countPlan.scans.join(" → ")}` : ""}`)
    .join("\n");
  const wanted = (f: ListFigure, which: "rows" | "count", p: Plan) =>
    (f.name.startsWith("page 1,") || (f.name.includes("deep page") && which === "rows") || p.executionMs > FULL_PLAN_MS);
  const full = list
    .flatMap((f) => [["rows", f.plan], ["count", f.countPlan]].map(([which, p]) => ({ f, which: which as "rows" | "count", p: p as Plan | undefined })))
    .filter(({ f, which, p }) => p && wanted(f, which, p))
    .map(({ f, which, p }) => `#### ${f.name}: ${which === "rows" && f.countPlan ? "rows query" : which === "count" ? "count query" : "query"}\n\n${fence(p!.text)}`)
    .join("\n\n");
  return `## 1. Packages list

Timings wrap the page's own data load, \`loadPackageList\` (lib/packages/list-keyset.ts: the keyset page, and the totals from the per-status counter table or, under filters, a count capped at 1,001 matches), with the query parsed from the URL as app/admin/packages/page.tsx does, through the app's pool (\`getDb()\`); \`packageViewCounts\` is the quick links' counts alone. The deep page is reached by the \`after=\` cursor its Next link carries. One warm-up, then 15 sequential runs; p95 is nearest-rank, so with 15 runs it is the slowest run. The EXPLAIN (ANALYZE, BUFFERS) columns are one run each of the SQL drizzle actually sent, captured with a drizzle logger and replayed with the same parameters (not hand-written). EXPLAIN ANALYZE times every node, which adds its own overhead: an EXPLAIN figure can exceed the wall-clock median of the same statement.

${figures}

Plan nodes (scans, joins, sorts, aggregates; rows and time are per loop, as PostgreSQL reports them):

${scans}

### Plans (page 1, the deep page, and every statement over ${FULL_PLAN_MS} ms)

${full}`;
}

const runRow = (name: string, r: CascadeRun, ratio = "") => [name, r.ran ? "yes" : "no", r.cancelMs ? ms(r.cancelMs) : "—", ms(r.cascadeMs), r.ordersCanceled, r.notified, r.jobsAdded, ratio];
const stepTable = (steps: Step[]) =>
  table(
    ["statement", "calls", "ms"],
    [...steps.map((s) => [`\`${s.statement.replace(/\|/g, "\\|")}\``, s.calls, ms(s.ms)]), ["**total**", "", ms(steps.reduce((a, s) => a + s.ms, 0))]],
  );

function cascadeSection(c: CascadeFigures): string {
  const ratio = c.ours.cascadeMs / c.anchor.cascadeMs;
  const figures = table(
    ["run", "ran", "cancel tx ms", "cascade ms", "orders canceled", "notifications queued", "jobs added", "ours / anchor"],
    [runRow("app: runCancelCascade", c.ours, `${ratio.toFixed(1)}×`), runRow("app: replay, same revision", c.replay), runRow("anchor: hand-written SQL", c.anchor)],
  );
  return `## 2. Cancel cascade over 10,000 orders

One published collaborative package with an audience of 10,000 entities and 10,000 live orders (ordered/approved/available, one per entity), one package-notification group member per entity, on a started reference campaign (2 started workflows, 3 in-progress deliveries). \`cancelPackage\` runs in \`getDb().transaction\` as the seeded admin@central.demo; \`runCancelCascade(getDb(), …)\` is then timed alone. "jobs added" counts graphile_worker.jobs before and after (the cascade job that \`cancelPackage\` enqueues is not in it). The anchor runs the same cascade as hand-written SQL in one transaction (updates, then recipients → outbox INSERT … SELECT → one \`graphile_worker.add_jobs\` in one statement) on a second identical package, right after. Each is a single run, not a median: a cascade cannot be replayed on the same rows, so the absolute figures move from run to run on a small machine; the ratio is the steadier figure.

${figures}

After the cascade: app — ${c.ours.state}; anchor — ${c.anchor.state}.

Replay of \`runCancelCascade\` on the same package and revision: **ran=${c.replay.ran}**, ${c.replay.ordersCanceled} orders canceled, **${c.replay.notified} notifications added**, ${c.replay.jobsAdded} jobs added.

Where the app's cascade spends its time, on a third identical package through a drizzle logger (each line is the time from the statement leaving to the next one leaving, so it includes the JS work that follows it; the total is a second sample of the cascade):

${stepTable(c.steps)}

The anchor's statements:

${stepTable(c.anchorSteps)}`;
}

export function renderReport(env: Environment, list: ListFigure[], cascade: CascadeFigures): string {
  const machine = table(["", ""], [["date", env.date], ["nproc", env.nproc], ["CPU", env.cpu], ["total memory", env.memory], ["PostgreSQL", env.postgres]]);
  const data = table(["data set (demo seed + generated)", "size"], env.sizes);
  const gen = table(["generation step (set-based SQL)", "ms"], env.generation.map(([n, t]) => [n, ms(t)]));
  return [
    "# Performance figures: packages list and cancel cascade",
    "Written by `npm run bench:packages` (e2e/perf/packages.bench.ts) on a throwaway embedded PostgreSQL. Issue 3 reports figures; targets come with the performance issue. Nothing here is asserted.",
    `## Machine\n\n${machine}`,
    `## Data set\n\n${data}\n\n${gen}`,
    `## Observations\n\nDerived by the script from this run's figures and plans.\n\n${observations(list, cascade).map((o) => `- ${o}`).join("\n")}`,
    listSection(list),
    cascadeSection(cascade),
  ].join("\n\n").concat("\n");
}
