import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { stopChild } from "../../lib/runtime/processes";
import { appEnv, type Served } from "./http-server";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The worker as `npm run worker` starts it (`tsx jobs/worker.ts`), with the web server's
 * variables and mail going to `smtpUrl`. Resolves once it says it started; stopping it sends
 * SIGTERM, on which it finishes the jobs in hand (up to a delivery slice) before it exits.
 */
export async function startWorkerProcess(appUrl: string, smtpUrl: string): Promise<Omit<Served, "url">> {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["jobs/worker.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: appEnv(appUrl, { SMTP_URL: smtpUrl }),
  });
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the worker did not start within 60 s")), 60_000);
    child.once("exit", (code) => reject(new Error(`the worker exited with ${code} before it started`)));
    lines.on("line", (line) => {
      if (line.includes("worker started")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  // Its job logs are read and dropped: a full pipe would stall it.
  child.removeAllListeners("exit");
  return { child, pid: child.pid!, stop: () => stopChild(child, 60_000) };
}
