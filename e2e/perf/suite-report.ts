import { writeFileSync } from "node:fs";
import path from "node:path";
import { table } from "./measure";
import { RESULTS, writeResultsSection } from "./results-file";

// What each benchmark script hands to the suite (`npm run bench`, e2e/perf/bench.ts): its summary
// rows, one per scenario figure, and its checks, the correctness invariants a run must keep
// (exact message counts, 0 orders left live…). The suite prints and files the rows; `npm test`
// runs every script at 1/100 of the data and counts each check as a test. Timings are never
// checks: a slow machine must not fail a test.

export type ScenarioRow = {
  /** B1 … B9 */
  id: string;
  scenario: string;
  /** Our figure with its unit ("764 ms", "591 msg/s"). */
  ours: string;
  /** The anchor's figure in the same run, or "—". */
  anchor: string;
  /** ours / anchor ("2.15×"), or "—". */
  ratio: string;
  target: string;
  /** null when the row has no target (a breakdown) or the run was a smoke run. */
  holds: boolean | null;
};

export type Check = { name: string; ok: boolean; detail?: string };

export type BenchSummary = { bench: string; rows: ScenarioRow[]; checks: Check[] };

/** The file the suite asked for (BENCH_SUMMARY_FILE); a script run on its own writes none. */
export function writeBenchSummary(summary: BenchSummary) {
  const file = process.env.BENCH_SUMMARY_FILE;
  if (file) writeFileSync(file, JSON.stringify(summary, null, 2));
}

export const fmtRatio = (ours: number, anchor: number) => (anchor > 0 ? `${(ours / anchor).toFixed(2)}×` : "—");

/** A check that holds when `actual` equals `expected`, saying both when it does not. */
export const equalCheck = (name: string, actual: unknown, expected: unknown): Check => ({
  name,
  ok: actual === expected,
  detail: `${String(actual)} (expected ${String(expected)})`,
});

const holdsCell = (h: boolean | null) => (h === null ? "—" : h ? "yes" : "**no**");

/** The summary table every section of RESULTS.md and the suite's own print the same way. */
export function scenarioTable(rows: ScenarioRow[], opts: { withId?: boolean } = {}): string {
  const head = ["scenario", "ours", "anchor", "ours / anchor", "target", "holds"];
  const cells = (r: ScenarioRow) => [r.scenario, r.ours, r.anchor, r.ratio, r.target, holdsCell(r.holds)];
  return opts.withId ? table(["#", ...head], rows.map((r) => [r.id, ...cells(r)])) : table(head, rows.map((r) => [`${r.id} ${r.scenario}`, ...cells(r).slice(1)]));
}

/** A script's last steps: its report printed, its summary handed to the suite, its section filed unless a smoke run. */
export async function fileBench(name: string, report: string, summary: BenchSummary, smoke: boolean) {
  console.log(`\n${report}`);
  writeBenchSummary(summary);
  for (const c of summary.checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}${c.ok ? "" : `: ${c.detail}`}`);
  if (smoke) console.log("smoke run: RESULTS.md left as it is");
  else {
    await writeResultsSection(name, report);
    console.log(`written its section of ${path.relative(process.cwd(), RESULTS)}`);
  }
}
