import { run, type Runner, type Task } from "graphile-worker";
import postgres from "postgres";
import { startWorker, stopWorker } from "../../jobs/worker";
import { pgCpuMs } from "./execution-cpu";
import { now } from "./execution-measure";
import { BENCH_APP, phaseMarker } from "./jobs-trace";
import { anchorPreset, BATCH_TASK, LATENCY_TASK, type BatchFigures, type Cpu, type RoundCommand, type RoundFigures, type SeriesFigures, type Side, type SideMessage } from "./jobs-setup";

// B8, one side in a process of its own (forked by jobs.bench.ts): "ours" is the project's worker
// (jobs/worker.ts startWorker, the function `npm run worker` runs, schedules included), "anchor" is a
// bare run() with graphile-worker's perfTest preset. Each has its own process because the
// perfTest runs with NO_LOG_SUCCESS=1, which graphile-worker reads once per process, and ours
// must not inherit it. A round starts the worker, times a batch and a paced series, stops it.

const side = process.argv[2] as Side;
const url = process.env.DATABASE_URL!;
const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: BENCH_APP } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Which ids ran, how often, and when each first ran; resolves once every id has run. */
class Recorder {
  runs: Uint16Array;
  startedAt: Float64Array;
  count = 0;
  private resolve: () => void = () => {};
  done: Promise<void>;
  constructor(readonly expected: number) {
    this.runs = new Uint16Array(expected);
    this.startedAt = new Float64Array(expected).fill(NaN);
    this.done = new Promise((r) => (this.resolve = r));
    if (expected === 0) this.resolve();
  }
  ran(id: number, at: number) {
    if (this.runs[id]! === 0) {
      this.startedAt[id] = at;
      if (++this.count === this.expected) this.resolve();
    }
    this.runs[id]!++;
  }
  twice = () => this.runs.reduce((n, r) => n + (r > 1 ? 1 : 0), 0);
  missing = () => this.expected - this.count;
}

let batch = new Recorder(0);
let series = new Recorder(0);

// The perfTest's trivial task (tasks/log_if_999.js) and its latency test's task, with a tally in
// place of the log line: the first statement takes the time, before anything else runs.
const logIf999: Task = (payload) => {
  const at = now();
  batch.ran((payload as { id: number }).id, at);
};
const latency: Task = (payload) => {
  const at = now();
  series.ran((payload as { id: number }).id, at);
};
const tasks = { [BATCH_TASK]: logIf999, [LATENCY_TASK]: latency };

async function startSide(concurrency: number): Promise<Runner> {
  if (side === "ours") return startWorker({ concurrency, extraTasks: tasks });
  return run({ preset: anchorPreset(url, concurrency), taskList: tasks, noHandleSignals: true });
}

const stopSide = (runner: Runner) => (side === "ours" ? stopWorker(runner) : runner.stop());

async function left(task: string): Promise<number> {
  const [r] = await sql`select count(*)::int as n from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = ${task}`;
  return r!.n as number;
}

/** The next transaction id: write transactions take one each, reads none. */
async function nextXid(): Promise<number> {
  const [r] = await sql`select pg_snapshot_xmax(pg_current_snapshot())::text::bigint as x`;
  return Number(r!.x);
}

/** Write transactions across `fn`, less `own` of the benchmark's (its add_job calls). */
async function countWrites<T>(fn: () => Promise<{ out: T; own: number }>): Promise<{ out: T; writes: number }> {
  const x0 = await nextXid();
  const { out, own } = await fn();
  return { out, writes: (await nextXid()) - x0 - own };
}

async function waitUntilEmpty(task: string, deadline: number): Promise<{ left: number }> {
  for (;;) {
    const n = await left(task);
    if (n === 0 || now() > deadline) return { left: n };
    await sleep(2);
  }
}

function failedCounter(runner: Runner) {
  const c = { failed: 0, other: 0 };
  runner.events.on("job:failed", () => c.failed++);
  runner.events.on("job:start", ({ job }) => void (job.task_identifier !== BATCH_TASK && job.task_identifier !== LATENCY_TASK && c.other++));
  return c;
}

function cpuSince(dataDir: string, node0: NodeJS.CpuUsage, pg0: number): Cpu {
  const n = process.cpuUsage(node0);
  return { nodeMs: (n.user + n.system) / 1000, pgMs: pgCpuMs(dataDir) - pg0 };
}

async function runBatch(cmd: RoundCommand, counter: { failed: number }): Promise<BatchFigures> {
  batch = new Recorder(cmd.jobs);
  const failed0 = counter.failed;
  await sql.unsafe(phaseMarker("batch"));
  const { out, writes } = await countWrites(async () => {
    const node0 = process.cpuUsage();
    const pg0 = pgCpuMs(cmd.dataDir);
    // perfTest/init.js: one add_jobs call for the whole batch.
    const t0 = now();
    await sql`select count(*) from graphile_worker.add_jobs(array(
      select row(${BATCH_TASK}::text, json_build_object('id', i), null, null, null, null, null, null)::graphile_worker.job_spec
      from generate_series(0, ${cmd.jobs - 1}::int) i))`;
    const committed = now();
    await Promise.race([batch.done, sleep(120_000 + cmd.jobs * 10)]);
    const ran = now();
    const empty = await waitUntilEmpty(BATCH_TASK, ran + 30_000);
    const emptied = now();
    const cpu = cpuSince(cmd.dataDir, node0, pg0);
    return { out: { addMs: committed - t0, ranMs: ran - committed, emptyMs: emptied - committed, left: empty.left, cpu }, own: 1 };
  });
  await sql.unsafe(phaseMarker("end"));
  return {
    jobs: cmd.jobs,
    ...out,
    jobsPerSecond: (cmd.jobs * 1000) / out.emptyMs,
    ranTwice: batch.twice(),
    missing: batch.missing(),
    failed: counter.failed - failed0,
    writesPerJob: writes / cmd.jobs,
  };
}

/** perfTest/latencyTest.js, paced: one add_job every paceMs on one connection, not waiting for the job. */
async function runSeries(cmd: RoundCommand, counter: { failed: number }): Promise<SeriesFigures> {
  series = new Recorder(cmd.samples);
  const failed0 = counter.failed;
  const sentAt = new Float64Array(cmd.samples);
  const addJobMs = new Array<number>(cmd.samples).fill(NaN);
  await sql.unsafe(phaseMarker("series"));
  const { out, writes } = await countWrites(async () => {
    const node0 = process.cpuUsage();
    const pg0 = pgCpuMs(cmd.dataDir);
    const start = now();
    const adds: Promise<unknown>[] = [];
    for (let i = 0; i < cmd.samples; i++) {
      const due = start + i * cmd.paceMs;
      if (due > now()) await sleep(due - now());
      sentAt[i] = now();
      adds.push(sql`select graphile_worker.add_job(${LATENCY_TASK}::text, json_build_object('id', ${i}::int))`.then(() => (addJobMs[i] = now() - sentAt[i]!)));
    }
    await Promise.all(adds);
    await Promise.race([series.done, sleep(30_000)]);
    const empty = await waitUntilEmpty(LATENCY_TASK, now() + 30_000);
    return { out: { left: empty.left, cpu: cpuSince(cmd.dataDir, node0, pg0) }, own: cmd.samples };
  });
  await sql.unsafe(phaseMarker("end"));
  return {
    samples: cmd.samples,
    paceMs: cmd.paceMs,
    fromSendMs: Array.from(series.startedAt, (t, i) => t - sentAt[i]!),
    addJobMs,
    ranTwice: series.twice(),
    missing: series.missing(),
    failed: counter.failed - failed0,
    left: out.left,
    writesPerJob: writes / cmd.samples,
    cpu: out.cpu,
  };
}

async function round(cmd: RoundCommand): Promise<RoundFigures> {
  const t0 = now();
  const runner = await startSide(cmd.concurrency);
  const startMs = now() - t0;
  const counter = failedCounter(runner);
  let measured: Pick<RoundFigures, "batch" | "series">;
  let stopMs = NaN;
  try {
    // perfTest/latencyTest.js lets things settle for a second before it measures.
    await sleep(1000);
    measured = { batch: cmd.jobs > 0 ? await runBatch(cmd, counter) : null, series: cmd.samples > 0 ? await runSeries(cmd, counter) : null };
  } finally {
    const t1 = now();
    await stopSide(runner);
    stopMs = now() - t1;
  }
  return { side, startMs, stopMs, otherJobs: counter.other, ...measured };
}

const send = (m: SideMessage) => process.send!(m);

process.on("message", (cmd: RoundCommand | { type: "exit" }) => {
  if (cmd.type === "exit") {
    void sql.end({ timeout: 5 }).then(() => process.exit(0));
    return;
  }
  round(cmd).then(
    (figures) => send({ type: "result", figures }),
    (e: unknown) => send({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
send({ type: "ready" });
