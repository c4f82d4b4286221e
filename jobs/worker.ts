import { run, type Runner } from "graphile-worker";
import { closeDb, databaseUrl } from "../db";
import { closeTransport } from "../lib/mail/transport";
import { isMain } from "../lib/runtime/is-main";
import { technicalCrontab } from "../lib/technical/registry";
import { workerLogger } from "./logger";
import { taskList } from "./tasks";

export async function startWorker(opts: { concurrency?: number } = {}): Promise<Runner> {
  return run({
    connectionString: databaseUrl(),
    concurrency: opts.concurrency ?? Number(process.env.WORKER_CONCURRENCY ?? 5),
    taskList,
    // The technical workflows' schedules (§10); graphile-worker runs each once per slot across workers.
    crontab: technicalCrontab(),
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
