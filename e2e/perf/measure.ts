import { performance } from "node:perf_hooks";
import type postgres from "postgres";

export type Stats = { median: number; p95: number; min: number; max: number; runs: number };

/** One untimed warm-up (plan cache, buffers), then `runs` timed calls, one after the other. */
export async function timeRuns(fn: () => Promise<unknown>, runs = 15): Promise<Stats> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await timeOnce(fn));
  return stats(ms);
}

export async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

// Nearest-rank percentiles: with 15 runs the p95 is the slowest run, and we say so in RESULTS.md.
function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { median: rank(0.5), p95: rank(0.95), min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

export type Plan = { top: string; driver: string; driverRows: number; removedByFilter: number; executionMs: number; planningMs: number; scans: string[]; text: string };

/** EXPLAIN (ANALYZE, BUFFERS) of a statement exactly as drizzle sent it, same parameters. */
export async function explain(sql: postgres.Sql | postgres.TransactionSql, query: string, params: unknown[]): Promise<Plan> {
  const rows = await sql.unsafe(`explain (analyze, buffers) ${query}`, params as postgres.ParameterOrJSON<never>[]);
  const lines = rows.map((r) => String(r["QUERY PLAN"]));
  const num = (label: string) => Number(lines.find((l) => l.startsWith(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN);
  const node = (l: string) => l.replace(/^\s*(->\s*)?/, "").replace(/\s*\(cost=.*$/, "");
  // A Limit or Aggregate on top says little: the first scan says how rows are reached.
  const driver = lines.find((l) => /Scan/.test(l)) ?? "";
  const loops = driver.match(/rows=([\d.]+) loops=(\d+)\)/);
  return {
    top: node(lines[0] ?? ""),
    driver: node(driver),
    // Rows are per loop: a parallel scan reports one worker's share.
    driverRows: loops ? Math.round(Number(loops[1]) * Number(loops[2])) : NaN,
    removedByFilter: Number(lines.find((l) => l.includes("Rows Removed by Filter"))?.match(/: (\d+)/)?.[1] ?? 0),
    executionMs: num("Execution Time"),
    planningMs: num("Planning Time"),
    // The nodes that say how rows were found and ordered: where the time of a slow plan goes.
    scans: lines.filter((l) => /Scan|Sort|Hash Join|Nested Loop|Merge Join|Aggregate/.test(l) && !/Sort Key|Sort Method/.test(l)).map((l) => `${node(l)}${actual(l)}`),
    text: lines.join("\n"),
  };
}

const actual = (l: string) => {
  const m = l.match(/actual time=([\d.]+)\.\.([\d.]+) rows=([\d.]+) loops=(\d+)/);
  return m ? ` [rows=${m[3]}, ${m[2]} ms]` : "";
};

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");

/** A Markdown table: readable as is on stdout, rendered in RESULTS.md. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(cells[0]!), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
}
