import { fmt, int } from "./execution-measure";
import { anchorPreset, type MeasuredRound, type Side } from "./jobs-setup";
import type { StatementCounts } from "./jobs-trace";
import type { Machine } from "./machine";
import { table } from "./measure";
import { equalCheck, fmtRatio, scenarioTable, type BenchSummary, type Check, type ScenarioRow } from "./suite-report";

// B8's figures, the summary rows the suite files, and the RESULTS.md section.

export type JobsFigures = {
  smoke: boolean;
  resized: boolean;
  machine: Machine;
  postgres: string;
  settings: { jobs: number; samples: number; paceMs: number; concurrency: number; runs: number; warmup: boolean };
  rounds: MeasuredRound[];
  /** Statements per side and phase, from the traced rounds. */
  trace: Record<Side, { jobs: number; samples: number; batch: StatementCounts; series: StatementCounts }>;
  totalSeconds: number;
};

export const B8_THROUGHPUT_RATIO = 0.5;
export const B8_LATENCY_RATIO = 2;

/** Nearest rank: with 1,000 samples the p95 is the 950th fastest. */
function percentile(values: number[], p: number): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]! : NaN;
}
const median = (values: number[]) => percentile(values, 0.5);

export type SideFigures = {
  rounds: MeasuredRound[];
  jobsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  addJobP50: number;
  batchWrites: number;
  seriesWrites: number;
  /** CPU µs per job in the batch: this side's Node process, PostgreSQL. */
  nodeUs: number;
  pgUs: number;
};

/** Each figure is the median over the measured rounds of that round's figure. */
export function sideFigures(f: JobsFigures, side: Side): SideFigures {
  const rounds = f.rounds.filter((r) => r.side === side);
  const per = (fn: (r: MeasuredRound) => number) => median(rounds.map(fn));
  return {
    rounds,
    jobsPerSecond: per((r) => r.batch.jobsPerSecond),
    p50: per((r) => percentile(r.series.fromSendMs, 0.5)),
    p95: per((r) => percentile(r.series.fromSendMs, 0.95)),
    p99: per((r) => percentile(r.series.fromSendMs, 0.99)),
    max: per((r) => percentile(r.series.fromSendMs, 1)),
    addJobP50: per((r) => percentile(r.series.addJobMs, 0.5)),
    batchWrites: per((r) => r.batch.writesPerJob),
    seriesWrites: per((r) => r.series.writesPerJob),
    nodeUs: per((r) => (r.batch.cpu.nodeMs * 1000) / r.batch.jobs),
    pgUs: per((r) => (r.batch.cpu.pgMs * 1000) / r.batch.jobs),
  };
}

function checksOf(f: JobsFigures, side: Side): Check[] {
  const rounds = f.rounds.filter((r) => r.side === side);
  const sum = (fn: (r: MeasuredRound) => number) => rounds.reduce((n, r) => n + fn(r), 0);
  const expected = sum((r) => r.batch.jobs + r.series.samples);
  const missing = sum((r) => r.batch.missing + r.series.missing);
  const twice = sum((r) => r.batch.ranTwice + r.series.ranTwice);
  return [
    { ...equalCheck(`B8 ${side}: every job ran exactly once`, missing + twice, 0), detail: `${expected - missing} of ${expected} ran, ${missing} never, ${twice} more than once` },
    {
      ...equalCheck(`B8 ${side}: 0 jobs failed, 0 left in the queue`, sum((r) => r.batch.failed + r.series.failed + r.batch.left + r.series.left), 0),
      detail: `${sum((r) => r.batch.failed + r.series.failed)} failed, ${sum((r) => r.batch.left + r.series.left)} left`,
    },
  ];
}

export function jobsSummary(f: JobsFigures): BenchSummary {
  const ours = sideFigures(f, "ours");
  const anchor = sideFigures(f, "anchor");
  const tRatio = ours.jobsPerSecond / anchor.jobsPerSecond;
  const lRatio = ours.p95 / anchor.p95;
  const holds = (ok: boolean) => (f.smoke ? null : ok);
  const rows: ScenarioRow[] = [
    {
      id: "B8",
      scenario: `jobs/s, a batch of ${int(f.settings.jobs)} trivial jobs, concurrency ${f.settings.concurrency}`,
      ours: `${int(ours.jobsPerSecond)} jobs/s`,
      anchor: `${int(anchor.jobsPerSecond)} jobs/s`,
      ratio: fmtRatio(ours.jobsPerSecond, anchor.jobsPerSecond),
      target: `≥ ${B8_THROUGHPUT_RATIO}× the anchor`,
      holds: holds(tRatio >= B8_THROUGHPUT_RATIO),
    },
    {
      id: "B8",
      scenario: `schedule-to-start p95, ${int(f.settings.samples)} add_job calls, one every ${f.settings.paceMs} ms`,
      ours: `${fmt(ours.p95, 2)} ms`,
      anchor: `${fmt(anchor.p95, 2)} ms`,
      ratio: fmtRatio(ours.p95, anchor.p95),
      target: `≤ ${B8_LATENCY_RATIO}× the anchor`,
      holds: holds(lRatio <= B8_LATENCY_RATIO),
    },
  ];
  return { bench: "jobs", rows, checks: [...checksOf(f, "ours"), ...checksOf(f, "anchor")] };
}

function roundsTable(f: JobsFigures): string {
  return table(
    ["round", "side", "jobs/s", "commit → last start (ms)", "commit → queue empty (ms)", "writes / job", "node µs / job", "PostgreSQL µs / job", "p50 (ms)", "p95 (ms)", "max (ms)", "worker start / stop (ms)", "other jobs"],
    f.rounds.map((r, i) => [
      Math.floor(i / 2) + 1,
      r.side,
      int(r.batch.jobsPerSecond),
      int(r.batch.ranMs),
      int(r.batch.emptyMs),
      fmt(r.batch.writesPerJob, 2),
      int((r.batch.cpu.nodeMs * 1000) / r.batch.jobs),
      int((r.batch.cpu.pgMs * 1000) / r.batch.jobs),
      fmt(percentile(r.series.fromSendMs, 0.5), 2),
      fmt(percentile(r.series.fromSendMs, 0.95), 2),
      fmt(percentile(r.series.fromSendMs, 1), 2),
      `${int(r.startMs)} / ${int(r.stopMs)}`,
      r.otherJobs,
    ]),
  );
}

function statementsTable(f: JobsFigures): string {
  const cols: [Side, "batch" | "series"][] = [["ours", "batch"], ["anchor", "batch"], ["ours", "series"], ["anchor", "series"]];
  const per = (side: Side, phase: "batch" | "series", key: string) => {
    const t = f.trace[side];
    return (t[phase][key] ?? 0) / (phase === "batch" ? t.jobs : t.samples);
  };
  const keys = [...new Set(cols.flatMap(([side, phase]) => Object.keys(f.trace[side][phase])))];
  keys.sort((a, b) => per("ours", "batch", b) - per("ours", "batch", a));
  const total = (side: Side, phase: "batch" | "series") => keys.reduce((n, k) => n + per(side, phase, k), 0);
  const t = f.trace.ours;
  return table(
    ["statement", `ours, batch of ${int(t.jobs)}`, "anchor, batch", `ours, ${int(t.samples)} paced`, "anchor, paced"],
    [...keys.map((k) => [`\`${k}\``, ...cols.map(([side, phase]) => fmt(per(side, phase, k), 3))]), ["**all**", ...cols.map(([side, phase]) => `**${fmt(total(side, phase), 3)}**`)]],
  );
}

function observations(f: JobsFigures, ours: SideFigures, anchor: SideFigures): string[] {
  const out: string[] = [];
  const t = ours.jobsPerSecond / anchor.jobsPerSecond;
  out.push(
    `Throughput: ours ${int(ours.jobsPerSecond)} jobs/s against the anchor's ${int(anchor.jobsPerSecond)} (${fmt(t, 2)}×, target ≥ ${B8_THROUGHPUT_RATIO}×: ${t >= B8_THROUGHPUT_RATIO ? "holds" : "missed"}).` +
      ` Write transactions per job: ${fmt(ours.batchWrites, 2)} for ours, ${fmt(anchor.batchWrites, 2)} for the anchor;` +
      ` CPU per job: ${int(ours.nodeUs)} µs in our worker's process and ${int(ours.pgUs)} µs in PostgreSQL, against ${int(anchor.nodeUs)} and ${int(anchor.pgUs)} µs.`,
  );
  const l = ours.p95 / anchor.p95;
  out.push(
    `Schedule-to-start: p50 ${fmt(ours.p50, 2)} ms and p95 ${fmt(ours.p95, 2)} ms for ours, ${fmt(anchor.p50, 2)} and ${fmt(anchor.p95, 2)} ms for the anchor (${fmt(l, 2)}×, target ≤ ${B8_LATENCY_RATIO}×: ${l <= B8_LATENCY_RATIO ? "holds" : "missed"}).` +
      ` The add_job round trip alone takes ${fmt(ours.addJobP50, 2)} ms (p50) on ours' runs and ${fmt(anchor.addJobP50, 2)} ms on the anchor's: the rest is the NOTIFY reaching the worker, its fetch and the call into the task.` +
      ` Write transactions per paced job: ${fmt(ours.seriesWrites, 2)} for ours, ${fmt(anchor.seriesWrites, 2)} for the anchor (the add_job itself not counted).`,
  );
  const other = ours.rounds.reduce((n, r) => n + r.otherJobs, 0);
  if (other > 0) out.push(`Our worker runs with its schedules (the technical workflows' crontab), as it ships: ${other} scheduled job(s) ran during our measured rounds and are part of its figures.`);
  return out;
}

export function renderJobsReport(f: JobsFigures): string {
  const ours = sideFigures(f, "ours");
  const anchor = sideFigures(f, "anchor");
  const summary = jobsSummary(f);
  const s = f.settings;
  const m = f.machine;
  const preset = JSON.stringify(anchorPreset("…", s.concurrency).worker).replace(/"(\w+)":/g, "$1: ");
  return `# B8: jobs end to end through the task wrapper

Written by \`npm run bench:jobs\` (e2e/perf/jobs.bench.ts) on ${m.date}${f.smoke ? " (smoke run)" : ""}, in ${fmt(f.totalSeconds, 0)} s.

## Machine

${table(["", ""], [["cores", m.cores], ["CPU", m.cpu], ["memory", m.memory], ["PostgreSQL", `${f.postgres}; a throwaway embedded cluster with fsync, synchronous_commit and full_page_writes off, for both sides alike`], ["fsync rate", m.fsync]])}

## Setup

- **Ours**: the project's worker, \`startWorker({ concurrency: ${s.concurrency} })\` from jobs/worker.ts, the function \`npm run worker\` runs (here from source, through tsx): the task registry (jobs/tasks/index.ts) with the benchmark's trivial tasks added under the same settings, the worker logger (jobs/logger.ts), the technical workflows' crontab, \`noHandleSignals\`.
- **Anchor**: graphile-worker's own perfTest setup, a bare \`run()\` with the preset its Performance page publishes for "With batching": \`${preset}\`, and \`NO_LOG_SUCCESS=1\` as perfTest/run.js sets it.
- Each side runs in a Node process of its own on the same cluster, one side at a time; a round starts the side's worker, waits a second (as perfTest/latencyTest.js does), measures, and stops it. ${s.warmup ? "One warm-up round per side, then" : "No warm-up,"} ${s.runs} measured round(s), alternating which side goes first; the figures are medians over the rounds.
- **Batch** (perfTest/init.js): ${int(s.jobs)} \`log_if_999\` jobs in one \`add_jobs\` call; jobs/s = ${int(s.jobs)} over the time from that call's commit to the queue holding none of them (every task ran and its completion was written).
- **Paced series** (perfTest/latencyTest.js, open loop): ${int(s.samples)} \`add_job\` calls on one connection, one every ${s.paceMs} ms, not waiting for the jobs; schedule-to-start is the time from sending the add_job (one statement, committed before it answers) to the task's first line, in the same process.
- The tasks are the perfTest's, with a tally in place of its log line: they note the time and count the id. Concurrency ${s.concurrency} on both sides: the perfTest's per process (one process here, on ${m.cores} cores).
- Writes per job: transaction ids PostgreSQL handed out across the measure (every write transaction takes one), less the benchmark's own add_job(s), over the jobs. Statements per job: one more round per side and phase, untimed, with \`log_statement = 'all'\`, every statement of the side's worker counted by its prepared statement's name.

## Summary

${scenarioTable(summary.rows)}

${table(["check", "result", "detail"], summary.checks.map((c) => [c.name, c.ok ? "ok" : "**FAILED**", c.detail ?? ""]))}

## Rounds

${roundsTable(f)}

## Statements per job (traced rounds)

${statementsTable(f)}

## Observations

${observations(f, ours, anchor).map((o) => `- ${o}`).join("\n")}
`;
}
