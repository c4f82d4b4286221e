import { run, type Runner, type TaskList } from "graphile-worker";
import { closeDb, databaseUrl } from "../db";
import { closeTransport } from "../lib/mail/transport";
import { isMain } from "../lib/runtime/is-main";
import { technicalCrontab } from "../lib/technical/registry";
import { workerLogger } from "./logger";
import { taskList } from "./tasks";

/**
 * `only` limits the worker to some tasks and leaves out the schedules: a test that needs a real
 * worker for one kind of job must not carry out the other tests' jobs on the shared database.
 * `extraTasks` run beside the registry under the same settings (the jobs benchmark's trivial task).
 */
export async function startWorker(opts: { concurrency?: number; only?: string[]; extraTasks?: TaskList } = {}): Promise<Runner> {
  const registry = opts.only ? Object.fromEntries(Object.entries(taskList).filter(([name]) => opts.only!.includes(name))) : taskList;
  const tasks = { ...registry, ...opts.extraTasks };
  const concurrency = opts.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 5);
  return run({
    connectionString: databaseUrl(),
    concurrency,
    // graphile-worker's advice: the larger of 10 and concurrency + 2, so no job waits for a client.
    maxPoolSize: Math.max(10, concurrency + 2),
    taskList: tasks,
    // The technical workflows' schedules (§10); graphile-worker runs each once per slot across workers.
    crontab: opts.only ? "" : technicalCrontab(),
    logger: workerLogger,
    // The caller owns signals: `npm start` stops the web server, the worker and the database in order.
    noHandleSignals: true,
    pollInterval: 2000,
    preset: { worker: batching(concurrency) },
  });
}

/**
 * Batching (graphile-worker's Performance page, "Batching"). Without it every job costs two round
 * trips, a get_job and a complete_job, and each idle slot polls on its own: B8 (e2e/perf/jobs.bench.ts)
 * measured a tenth of the throughput of graphile-worker's own perfTest setup. With it the pool
 * fetches jobs for all its slots in one query and deletes finished jobs in one statement per tick.
 *
 * The local queue holds ten jobs per slot: our high-volume jobs (a fan-out's notifications) take
 * milliseconds, so a fetch of concurrency + 1 (the documented starting point) still left ours at
 * about half the anchor's jobs/s, the fetch round trip dominating. The documented cost is that
 * fetched jobs stay locked in this process while another worker process may idle; it matters for
 * slow jobs (20-second delivery slices) only, and the ttl bounds it: jobs not started within 10 s
 * go back to the database for any worker. Completions are released on the next tick (delay 0, as
 * the perfTest), so a finished job's row is deleted a moment later.
 *
 * Signals: we pass noHandleSignals, so graphile-worker does not shut down on its own; every stop
 * path calls stopWorker (runner.stop), whose graceful shutdown returns the queued jobs and writes
 * the pending completions. Only a crash leaves them locked, until graphile-worker's 4-hour expiry,
 * and every task is safe to run again (outbox guards, keyed jobs). The crontab is untouched:
 * scheduled runs are ordinary jobs once added. The app queues no job with a priority, which a full
 * local queue would not see until it drains.
 */
function batching(concurrency: number) {
  return { localQueue: { size: 10 * concurrency, ttl: 10_000 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 };
}

export async function stopWorker(runner: Runner): Promise<void> {
  await runner.stop();
  closeTransport();
}

// A worker process on its own, for scale-out beside one or more web servers: `npm run worker` runs
// this file as bundled by `npm run build` (.next/worker/worker.mjs, the bundle is its own main),
// `npm run worker:dev` runs it from source.
if (isMain(import.meta.url)) {
  const runner = await startWorker();
  console.log("worker started");
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await stopWorker(runner);
    await closeDb();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
