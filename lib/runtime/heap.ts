// Heap ceilings of the production processes. V8 sizes its heap from the machine's memory and, on
// a large machine, collects lazily: under B9's load (e2e/perf/RESULTS.md) `next start` grew past
// 700 MB and the worker past 300 MB, though what they keep alive is a fraction of that. Most of it
// was young garbage: the new space alone grows to tens of MB per semi-space, and module loading
// (drizzle's pg-core leaves ~150 MB of it) fills it before the first collection. Measured on the
// packages list at 100k packages: no ceiling 71 req/s, 544 MB; these 57-60 req/s, 236-246 MB;
// the old-space ceiling alone 33 req/s, 302 MB (a small old space under a large young one keeps
// running full collections). The worker's own ceiling is in package.json's `worker` script
// (128 MB old, 4 MB semi-space: 98 MB idle against 216 MB with the old-space ceiling alone).
// An operator's own NODE_OPTIONS come after ours and win.

export type HeapCeiling = { oldSpaceMb: number; semiSpaceMb: number };

/** `next start`'s ceiling. */
export const WEB_HEAP: HeapCeiling = { oldSpaceMb: 192, semiSpaceMb: 8 };

export function withHeapCeiling(h: HeapCeiling, nodeOptions = process.env.NODE_OPTIONS): string {
  return [`--max-old-space-size=${h.oldSpaceMb}`, `--max-semi-space-size=${h.semiSpaceMb}`, nodeOptions].filter(Boolean).join(" ");
}
