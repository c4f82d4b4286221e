import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD } from "../../db/seed";
import { WEB_HEAP, withHeapCeiling } from "../../lib/runtime/heap";
import { freePort, stopChild, waitForHttp } from "../../lib/runtime/processes";

// The portal as production runs it: the build in .next served by `next start`, in a child process
// of the benchmark, on the benchmark's own database. The benchmark never builds: the lead does.

const root = path.resolve(import.meta.dirname, "../..");
const SECRET = "bench-secret-used-only-by-the-http-and-memory-benchmarks";

export type Served = { url: string; child: ChildProcess; pid: number; stop: () => Promise<void> };

/** The variables the web server and the worker read, as e2e/harness/global-setup.ts sets them. */
export function appEnv(url: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    APP_URL: url,
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: SECRET,
    AUTH_SECRET: SECRET,
    ...extra,
  };
}

/** `next start` on a free port against DATABASE_URL; resolves once /sign-in answers. */
export async function startNext(extra: Record<string, string> = {}): Promise<Served> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no production build in .next: run `npm run build` first");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    // As `npm start` starts it: under the production heap ceiling (lib/runtime/heap.ts).
    env: { ...appEnv(url, extra), NODE_ENV: "production", NODE_OPTIONS: withHeapCeiling(WEB_HEAP, extra.NODE_OPTIONS ?? process.env.NODE_OPTIONS) },
  });
  await waitForHttp(`${url}/sign-in`, 60_000, child);
  return { url, child, pid: child.pid!, stop: () => stopChild(child, 10_000) };
}

function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    out.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
  }
  return out;
}

/**
 * Signs in through next-auth's own endpoints, as the sign-in form does: the CSRF token and its
 * cookie, then the credentials callback. Returns the Cookie header that carries the session.
 */
export async function signIn(url: string, email = "operator@central.demo", password = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/admin/packages`, json: "true" }),
  });
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in as ${email} failed (${res.status}): no session cookie`);
  return `${session}=${jar.get(session)}`;
}

/** GET a page as the signed-in operator: its status and HTML. */
export async function getPage(url: string, cookie: string): Promise<{ status: number; html: string }> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
}
