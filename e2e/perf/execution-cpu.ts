import { readdirSync, readFileSync } from "node:fs";
import type { Sink, SinkStats } from "./smtp-sink";
import { now } from "./execution-measure";

// CPU accounting for the delivery and fan-out benchmarks: this process, the sink process, and
// PostgreSQL's processes (/proc).

/** utime + stime of a process, and cutime + cstime: its children that exited and were waited for. */
function ticksOf(pid: number, withExitedChildren = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields 14-17 of proc(5), counted from the state field (3)
    return Number(f[11]) + Number(f[12]) + (withExitedChildren ? Number(f[13]) + Number(f[14]) : 0);
  } catch {
    return 0;
  }
}

/**
 * CPU ms of the postmaster whose command line names dataDir, of its live children, and of those
 * that exited (autovacuum workers, closed backends: the postmaster's cutime/cstime), so that the
 * figure only grows.
 */
export function pgCpuMs(dataDir: string): number {
  const pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
  let master = 0;
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dataDir)) master = pid;
    } catch {
      // gone
    }
  }
  if (!master) return NaN;
  let ticks = ticksOf(master, true);
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === master) ticks += ticksOf(pid);
    } catch {
      // gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

export async function cpuDuring<T>(dataDir: string, sink: Sink, fn: () => Promise<T>): Promise<{ out: T; cpu: Cpu; stats: SinkStats }> {
  await sink.reset();
  const app0 = process.cpuUsage();
  const pg0 = pgCpuMs(dataDir);
  const t0 = now();
  const out = await fn();
  const wallMs = now() - t0;
  const app = process.cpuUsage(app0);
  const pgMs = pgCpuMs(dataDir) - pg0;
  const stats = await sink.stats(true);
  return { out, stats, cpu: { appMs: (app.user + app.system) / 1000, sinkMs: stats.cpuMs, pgMs, wallMs } };
}

export type Cpu = { appMs: number; sinkMs: number; pgMs: number; wallMs: number };
