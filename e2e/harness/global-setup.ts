import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "../../db/embedded";
import { startMailCatcher } from "../../lib/mail/catcher";
import { freePort, stopChild, waitForHttp } from "../../lib/runtime/processes";

/**
 * Starts, for the browser tests: a PostgreSQL (embedded unless DATABASE_URL is given), a real SMTP
 * server whose inbox the tests read over HTTP, and the portal through the same entry point as
 * `npm start` (migrations, demo data, web server, worker). Returns the teardown that stops them.
 */
export default async function globalSetup() {
  const root = path.resolve(import.meta.dirname, "../..");
  let pg: RunningPostgres | undefined;
  if (!process.env.DATABASE_URL) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dm-e2e-pg-"));
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), persistent: false });
    process.env.DATABASE_URL = pg.url;
  }
  const catcher = await startMailCatcher();
  const port = process.env.E2E_PORT!;
  const appUrl = `http://localhost:${port}`;
  // Test workers inherit these: they read mail and check the database directly.
  process.env.MAIL_API = `http://127.0.0.1:${catcher.httpPort}`;
  process.env.APP_URL = appUrl;

  const app = spawn(path.join(root, "node_modules/.bin/tsx"), ["lib/runtime/start.ts"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PORT: port,
      APP_URL: appUrl,
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: "e2e-secret-that-is-only-used-by-the-browser-tests",
      SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
      MAIL_CATCHER_URL: process.env.MAIL_API,
      WORKER_CONCURRENCY: "4",
      SEED_DEMO: "true",
    },
  });
  await waitForHttp(`${appUrl}/sign-in`, 240_000, app);

  return async () => {
    await stopChild(app, 10_000);
    await catcher.stop();
    await pg?.stop();
  };
}
