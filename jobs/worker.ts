import { run, type Runner } from "graphile-worker";
import { closeDb, databaseUrl } from "../db";
import { closeTransport } from "../lib/mail/transport";
import { isMain } from "../lib/runtime/is-main";
import { technicalCrontab } from "../lib/technical/registry";
import { workerLogger } from "./logger";
import { taskList } from "./tasks";

/**
 * `only` limits the worker to some tasks and leaves out the schedules: a test that needs a real
 * worker for one kind of job must not carry out the other tests' jobs on the shared database.
 */
export async function startWorker(opts: { concurrency?: number; only?: string[] } = {}): Promise<Runner> {
  const tasks = opts.only ? Object.fromEntries(Object.entries(taskList).filter(([name]) => opts.only!.includes(name))) : taskList;
  return run({
    connectionString: databaseUrl(),
    concurrency: opts.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 5),
    taskList: tasks,
    // The technical workflows' schedules (§10); graphile-worker runs each once per slot across workers.
    crontab: opts.only ? "" : technicalCrontab(),
    logger: workerLogger,
    // The caller owns signals: `npm start` stops the web server, the worker and the database in order.
    noHandleSignals: true,
    pollInterval: 2000,
  });
}

export async function stopWorker(runner: Runner): Promise<void> {
  await runner.stop();
  closeTransport();
}

// `npm run worker`: a worker process on its own, for scale-out beside one or more web servers.
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
