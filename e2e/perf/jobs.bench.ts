import { fork, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { freePort } from "../../lib/runtime/processes";
import { jobsSummary, renderJobsReport, type JobsFigures } from "./jobs-report";
import type { MeasuredRound, RoundCommand, RoundFigures, Side, SideMessage } from "./jobs-setup";
import { BENCH_APP, StatementTrace } from "./jobs-trace";
import { machine } from "./machine";
import { RESULTS, writeResultsSection } from "./results-file";
import { writeBenchSummary } from "./suite-report";

// Issue 7, B8: jobs end to end through the project's worker (jobs/worker.ts startWorker, the
// task registry and logger it wraps tasks with) beside graphile-worker's own perfTest setup
// (a bare run() with the preset its Performance page publishes: same concurrency, local queue
// and batched completion on), in the same run, on the same throwaway PostgreSQL. Each side runs
// in a process of its own (e2e/perf/jobs-side.ts); the rounds alternate which side goes first.
//
//   npm run bench:jobs                  20,000 jobs a batch, 1,000 paced add_jobs; a warm-up
//                                       round, then 3; writes its section of RESULTS.md
//   npm run bench:jobs -- --smoke       200 jobs, 50 paced add_jobs, one round, writes nothing
//   … -- --jobs=N --samples=N --pace=MS --concurrency=N --runs=N
//   … -- --render=FILE                  write the section again from a run's dumped figures

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const opt = (name: string, dflt: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? dflt);
const JOBS = opt("jobs", smoke ? 200 : 20_000);
const SAMPLES = opt("samples", smoke ? 50 : 1_000);
const PACE_MS = opt("pace", 20);
// The perfTest's concurrency per worker process (run.js, and the preset on its Performance page).
const CONCURRENCY = opt("concurrency", 24);
const RUNS = opt("runs", smoke ? 1 : 3);
// The traced rounds: statement counts need enough jobs to make a start-up's few statements small.
const TRACE_JOBS = Math.min(JOBS, 2_000);
const TRACE_SAMPLES = Math.min(SAMPLES, 100);
const resized = smoke || args.some((a) => /^--(jobs|samples|pace|concurrency|runs)=/.test(a));
const FIGURES = path.join(os.tmpdir(), `dm-bench-jobs-figures${smoke ? "-smoke" : ""}.json`);

const quickMachine = () => ({
  date: new Date().toISOString(),
  cores: String(os.availableParallelism()),
  cpu: os.cpus()[0]?.model ?? "unknown",
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
});

type Child = { side: Side; proc: ChildProcess; next: () => Promise<SideMessage> };

/** Forks one side with the tsx loader; its messages are read one at a time, in order. */
function forkSide(side: Side, env: NodeJS.ProcessEnv): Child {
  const proc = fork(path.join(import.meta.dirname, "jobs-side.ts"), [side], { execArgv: ["--import", "tsx"], env, stdio: "inherit" });
  const queue: SideMessage[] = [];
  const waiting: ((m: SideMessage) => void)[] = [];
  proc.on("message", (m: SideMessage) => (waiting.length ? waiting.shift()!(m) : queue.push(m)));
  proc.on("exit", (code) => {
    for (const w of waiting.splice(0)) w({ type: "error", message: `${side} process exited (${code})` });
    queue.push({ type: "error", message: `${side} process exited (${code})` });
  });
  return { side, proc, next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((r) => waiting.push(r))) };
}

/** Asks a side to end (it closes its connections), and stops it by its PID if it lingers. */
async function closeChild(c: Child): Promise<void> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => c.proc.once("exit", () => r()));
  if (c.proc.connected) c.proc.send({ type: "exit" });
  const timer = setTimeout(() => c.proc.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

async function roundOf(child: Child, cmd: RoundCommand): Promise<RoundFigures> {
  child.proc.send(cmd);
  const m = await child.next();
  if (m.type !== "result") throw new Error(`${child.side}: ${m.type === "error" ? m.message : "unexpected message"}`);
  const { batch: b, series: s } = m.figures;
  const p95 = (v: number[]) => [...v].sort((x, y) => x - y)[Math.ceil(0.95 * v.length) - 1]!;
  console.log(
    [
      child.side.padEnd(6),
      b && `batch ${b.jobs} jobs in ${b.emptyMs.toFixed(0)} ms: ${b.jobsPerSecond.toFixed(0)} jobs/s (${b.writesPerJob.toFixed(2)} writes/job)`,
      s && `series ${s.samples} at ${s.paceMs} ms: p95 ${p95(s.fromSendMs).toFixed(2)} ms`,
    ]
      .filter(Boolean)
      .join(" · "),
  );
  return m.figures;
}

/** One untimed round per side and phase with every statement logged, counted by name. */
async function tracedRounds(url: string, children: Child[], trace: StatementTrace, cmd: RoundCommand): Promise<JobsFigures["trace"]> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: BENCH_APP } });
  const out = {} as JobsFigures["trace"];
  try {
    await StatementTrace.enable(sql);
    for (const c of children) {
      trace.reset();
      console.log(`traced rounds (every statement logged, not timed): ${c.side}`);
      await roundOf(c, { ...cmd, jobs: TRACE_JOBS, samples: 0 });
      await roundOf(c, { ...cmd, jobs: 0, samples: TRACE_SAMPLES });
      // The last log lines reach us a moment after the round's end.
      await new Promise((r) => setTimeout(r, 500));
      out[c.side] = { jobs: TRACE_JOBS, samples: TRACE_SAMPLES, batch: trace.counts.get("batch") ?? {}, series: trace.counts.get("series") ?? {} };
    }
  } finally {
    await StatementTrace.disable(sql);
    await sql.end();
  }
  return out;
}

async function main() {
  const render = args.find((a) => a.startsWith("--render="))?.slice("--render=".length);
  if (render) {
    const figures = JSON.parse(await readFile(render, "utf8")) as JobsFigures;
    console.log(renderJobsReport(figures));
    if (!figures.resized) await writeResultsSection("jobs", renderJobsReport(figures));
    return;
  }
  const started = Date.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), "dm-bench-jobs-"));
  const dataDir = path.join(dir, "data");
  const trace = new StatementTrace();
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, log: (chunk) => trace.feed(chunk) });
  const children: Child[] = [];
  const stopAll = async () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill("SIGTERM");
    await pg.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  const interrupted = () => void stopAll().then(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    await migrateDatabase(pg.url);
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    const [v] = await sql`select version() as v`;
    await sql.end();
    // The perfTest runs with NO_LOG_SUCCESS=1 (run.js); the project's worker runs as it ships.
    const baseEnv = { ...process.env, DATABASE_URL: pg.url, NO_LOG_SUCCESS: undefined };
    for (const side of ["ours", "anchor"] as const) children.push(forkSide(side, side === "anchor" ? { ...baseEnv, NO_LOG_SUCCESS: "1" } : baseEnv));
    for (const c of children) {
      const m = await c.next();
      if (m.type !== "ready") throw new Error(`${c.side} did not start: ${m.type === "error" ? m.message : m.type}`);
    }
    const cmd: RoundCommand = { type: "round", jobs: JOBS, samples: SAMPLES, paceMs: PACE_MS, dataDir, concurrency: CONCURRENCY };
    const [ours, anchor] = children as [Child, Child];
    if (!smoke) {
      console.log("warm-up round (not counted)");
      await roundOf(ours, cmd);
      await roundOf(anchor, cmd);
    }
    const rounds: MeasuredRound[] = [];
    for (let i = 0; i < RUNS; i++) {
      console.log(`round ${i + 1} of ${RUNS}`);
      // Alternate which side goes first, so that neither always follows the other's leftovers.
      for (const c of i % 2 === 0 ? [ours, anchor] : [anchor, ours]) rounds.push((await roundOf(c, cmd)) as MeasuredRound);
    }
    const figures: JobsFigures = {
      smoke,
      resized,
      // pg_test_fsync takes half a minute: a smoke run says so rather than waiting for it.
      machine: smoke ? { ...quickMachine(), fsync: "not measured in a smoke run" } : machine(),
      postgres: String(v!.v),
      settings: { jobs: JOBS, samples: SAMPLES, paceMs: PACE_MS, concurrency: CONCURRENCY, runs: RUNS, warmup: !smoke },
      rounds,
      trace: await tracedRounds(pg.url, children, trace, cmd),
      totalSeconds: (Date.now() - started) / 1000,
    };
    await writeFile(FIGURES, JSON.stringify(figures));
    console.log(`figures dumped to ${FIGURES} (re-render with --render=${FIGURES})`);
    const report = renderJobsReport(figures);
    console.log(`\n${report}`);
    writeBenchSummary(jobsSummary(figures));
    if (resized) console.log("smoke or resized run: RESULTS.md left as it is");
    else {
      await writeResultsSection("jobs", report);
      console.log(`written its section of ${path.relative(process.cwd(), RESULTS)}`);
    }
    console.log(`whole benchmark: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await Promise.all(children.map(closeChild));
    await stopAll();
  }
}

await main();
