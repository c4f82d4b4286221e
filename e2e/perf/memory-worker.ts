import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { stopChild } from "../../lib/runtime/processes";
import { appEnv, type Served } from "./http-server";

const root = path.resolve(import.meta.dirname, "../..");

/** `npm run worker`'s command from package.json, run without npm in between, as a process manager would. */
export function workerCommand(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  return scripts.worker!.split(/\s+/);
}

/**
 * The worker as `npm run worker` starts it (the bundle `npm run build` makes of jobs/worker.ts,
 * under its heap ceiling), with the web server's variables and mail going to `smtpUrl`. Resolves
 * once it says it started; stopping it sends SIGTERM, on which it finishes the jobs in hand (up to
 * a delivery slice) before it exits.
 */
export async function startWorkerProcess(appUrl: string, smtpUrl: string): Promise<Omit<Served, "url">> {
  const [cmd, ...args] = workerCommand();
  const bundle = args.at(-1)!;
  if (!existsSync(path.join(root, bundle))) throw new Error(`no worker bundle at ${bundle}: run \`npm run build\` first`);
  const child = spawn(cmd === "node" ? process.execPath : cmd!, args, {
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
