import { execFileSync } from "node:child_process";
import os from "node:os";
import type postgres from "postgres";
import { nproc } from "./machine";

// What a benchmark section says about the run: the machine, PostgreSQL's settings, the commit,
// and what the script adds (its data set, the load around it).

export type ExecEnvironment = {
  date: string;
  nproc: string;
  cpu: string;
  memory: string;
  postgres: string;
  generation: [string, number][];
  sizes: [string, number | string][];
  smoke: boolean;
  /** 1-minute load average at the start, after B5, after B4. */
  load: number[];
  /** Set when B5's figures come from a second, B5-only run on the same data set. */
  b5From?: string;
  /** Set when the materialize plan and the claim probe come from a probes-only run. */
  probesFrom?: string;
  /** git HEAD when the run started. */
  commit?: string;
  /** Whether runQuery analyzed workflow_targets after its insert in the run that measured B4. */
  b4RunQueryAnalyzed?: boolean;
  totalSeconds?: number;
};

export async function environment(sql: postgres.Sql): Promise<Pick<ExecEnvironment, "date" | "nproc" | "cpu" | "memory" | "postgres" | "commit">> {
  const [v] = await sql`select version() as version, current_setting('shared_buffers') as sb, current_setting('work_mem') as wm,
    current_setting('max_parallel_workers_per_gather') as par, (select datcollate from pg_database where datname = current_database()) as collate`;
  let commit: string | undefined;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  return {
    commit,
    date: new Date().toISOString(),
    nproc: nproc(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    postgres: `${v!.version} (shared_buffers ${v!.sb}, work_mem ${v!.wm}, max_parallel_workers_per_gather ${v!.par}, collation ${v!.collate}, fsync off: throwaway cluster)`,
  };
}
