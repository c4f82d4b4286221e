import { readdirSync, readFileSync } from "node:fs";

// What /proc says about a process and its descendants: resident memory and CPU time. A server
// may hand its work to a child (tsx runs the script in a second node process), so the figures
// are of the whole tree, with the largest process named apart.

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)": state is field 3 of proc(5), at index 0 here.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** The process and every live descendant. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const f = statFields(Number(d));
    if (!f) continue;
    const ppid = Number(f[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  if (statFields(root)) walk(root);
  return out;
}

/** VmRSS in MB, 0 when the process is gone. */
export function rssMb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(0, 3).join(" ");
  } catch {
    return "";
  }
};

export type TreeRss = { total: number; largest: number; processes: number };

export function treeRss(root: number): TreeRss {
  const each = processTree(root).map(rssMb);
  return { total: each.reduce((a, b) => a + b, 0), largest: Math.max(0, ...each), processes: each.length };
}

/** User + system CPU of the tree's live processes, in ms (USER_HZ is 100 on Linux). */
export function treeCpuMs(root: number): number {
  let ticks = 0;
  for (const pid of processTree(root)) {
    const f = statFields(pid);
    if (f) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * 10;
}
