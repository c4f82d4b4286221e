import type { CascadeFigures, CascadeRun } from "./cascade";
import type { ListFigure } from "./list";
import { ms, table } from "./measure";

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

function listSection(list: ListFigure[]): string {
  const figures = table(
    ["case", "URL", "rows", "total", "median ms", "p95 ms", "EXPLAIN top node", "EXPLAIN exec ms"],
    list.map((f) => [f.name, `\`${f.url}\``, f.rows, f.total, ms(f.time.median), ms(f.time.p95), f.plan?.top ?? "—", ms(f.plan?.executionMs ?? NaN)]),
  );
  const scans = list
    .filter((f) => f.plan)
    .map((f) => `- **${f.name}**: ${f.plan!.scans.join(" → ")}${f.countPlan ? `\n  - its count(*): ${f.countPlan.scans.join(" → ")} (${ms(f.countPlan.executionMs)} ms)` : ""}`)
    .join("\n");
  const full = ["page 1, default sort", "page 1000 (20/page), default sort"]
    .map((n) => list.find((f) => f.name === n))
    .filter((f): f is ListFigure => !!f?.plan)
    .map((f) => `#### ${f.name}: rows query\n\n${fence(f.plan!.text)}${f.countPlan ? `\n\n#### ${f.name}: count query\n\n${fence(f.countPlan.text)}` : ""}`)
    .join("\n\n");
  return `## 1. Packages list\n\nTimings wrap the real \`listPackages\` / \`packageViewCounts\` calls (lib/packages/queries.ts) through the app's pool: the rows query and the count(*) run in parallel, as on the page. One warm-up, then 15 sequential runs; p95 is nearest-rank, so with 15 runs it is the slowest run.\n\n${figures}\n\nPlan nodes of each rows query (EXPLAIN (ANALYZE, BUFFERS) of the SQL drizzle actually sent, captured with a drizzle logger, same parameters):\n\n${scans}\n\n### Plans\n\n${full}`;
}

const runRow = (name: string, r: CascadeRun, ratio = "") => [name, r.ran ? "yes" : "no", ms(r.cancelMs), ms(r.cascadeMs), r.ordersCanceled, r.notified, r.jobsAdded, ratio];

function cascadeSection(c: CascadeFigures): string {
  const ratio = c.ours.cascadeMs / c.anchor.cascadeMs;
  const figures = table(
    ["run", "ran", "cancel tx ms", "cascade ms", "orders canceled", "notifications queued", "jobs added", "ours / anchor"],
    [runRow("app: runCancelCascade", c.ours, `${ratio.toFixed(1)}×`), runRow("app: replay", c.replay), runRow("anchor: hand-written SQL", c.anchor)],
  );
  const steps = table(
    ["statement (first 70 chars)", "ms until next"],
    c.steps.map((s) => [`\`${s.statement.replace(/\|/g, "\\|")}\``, ms(s.ms)]),
  );
  return `## 2. Cancel cascade over 10,000 orders\n\nOne published collaborative package, audience of 10,000 entities, 10,000 live orders (ordered/approved/available), one notification-group member per entity, on a started reference campaign (2 started workflows, 3 in-progress deliveries). \`cancelPackage\` runs in \`getDb().transaction\` as a central admin; \`runCancelCascade(getDb(), …)\` is then timed alone. The anchor runs the same cascade as hand-written SQL in one transaction (lib-free: updates, one INSERT … SELECT into the outbox, one \`graphile_worker.add_jobs\`) on a second identical package. Each is a single run, not a median: a cascade cannot be repeated on the same rows.\n\n${figures}\n\nState after the cascade: app — ${c.ours.state}; anchor — ${c.anchor.state}.\n\nReplay of \`runCancelCascade\` on the same package and revision: ran=${c.replay.ran}, ${c.replay.ordersCanceled} orders canceled, ${c.replay.notified} notifications added, ${c.replay.jobsAdded} jobs added.\n\nWhere the app's cascade spends its time (third identical package, drizzle logger timestamps):\n\n${steps}`;
}

export function renderReport(env: Environment, list: ListFigure[], cascade: CascadeFigures, observations: string[] = []): string {
  const machine = table(["", ""], [["date", env.date], ["nproc", env.nproc], ["CPU", env.cpu], ["total memory", env.memory], ["PostgreSQL", env.postgres]]);
  const data = table(["data set (demo seed + generated)", "size"], env.sizes);
  const gen = table(["generation step (set-based SQL)", "ms"], env.generation.map(([n, t]) => [n, ms(t)]));
  return [
    "# Performance figures: packages list and cancel cascade",
    "Written by `npm run bench:packages` (e2e/perf/packages.bench.ts). Issue 3 reports figures only; targets come with the performance issue.",
    `## Machine\n\n${machine}`,
    `## Data set\n\n${data}\n\n${gen}`,
    listSection(list),
    cascadeSection(cascade),
    observations.length ? `## Observations\n\n${observations.map((o) => `- ${o}`).join("\n")}` : "",
  ]
    .filter(Boolean)
    .join("\n\n")
    .concat("\n");
}
