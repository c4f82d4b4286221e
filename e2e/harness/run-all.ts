import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

// `npm test`: unit and integration tests (vitest), a production build, the browser tests
// (Playwright), then the benchmark suite's smoke run (1/100 of the data, each correctness check
// a test, no timing judged), and one closing line that counts them all.
const root = path.resolve(import.meta.dirname, "../..");
const results = path.join(root, ".test-results");
mkdirSync(results, { recursive: true });
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

const vitestJson = path.join(results, "vitest.json");
const playwrightJson = path.join(results, "playwright.json");
const benchJson = path.join(results, "bench-smoke.json");
for (const f of [vitestJson, playwrightJson, benchJson]) rmSync(f, { force: true });

let passed = 0;
let failed = 0;
let broken = false;

await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]);
const v = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean }>(vitestJson);
if (!v) broken = true;
passed += v?.numPassedTests ?? 0;
failed += v?.numFailedTests ?? 0;

const built = existsSync(path.join(root, ".next/BUILD_ID")) && process.env.SKIP_BUILD === "1";
// The web build and the worker bundle (`npm run build`), as production builds them.
const buildOk = built || (await run("npm", ["run", "build"])) === 0;
if (!buildOk) {
  console.error("npm run build failed: browser tests and benchmark smoke run not run");
  broken = true;
} else {
  await run(bin("playwright"), ["test"]);
  const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightJson);
  if (!p) broken = true;
  passed += (p?.stats.expected ?? 0) + (p?.stats.flaky ?? 0);
  failed += p?.stats.unexpected ?? 0;
}

// After the browser tests: the HTTP and memory benchmarks start `next start` on the same build.
if (buildOk) {
  await run(bin("tsx"), ["e2e/perf/bench.ts", "--smoke", `--json=${benchJson}`]);
  const b = readJson<{ checks: { ok: boolean }[] }>(benchJson);
  if (!b) broken = true;
  passed += b?.checks.filter((c) => c.ok).length ?? 0;
  failed += b?.checks.filter((c) => !c.ok).length ?? 0;
}

if (broken) failed = Math.max(failed, 1);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
