import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { WEB_HEAP, withHeapCeiling } from "./heap";

/** The old-space limit V8 reports in a node started with these NODE_OPTIONS, in MB. */
function oldSpaceLimitMb(nodeOptions: string): number {
  const out = execFileSync(process.execPath, ["-e", "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit))"], {
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  return Number(out) / 1024 / 1024;
}

describe("heap ceilings", () => {
  it("are flags node accepts, and bound the heap of the process they start", () => {
    const limited = oldSpaceLimitMb(withHeapCeiling(WEB_HEAP, ""));
    // The limit is old space plus the young generation (a few semi-spaces): well under a default heap.
    expect(limited).toBeGreaterThanOrEqual(WEB_HEAP.oldSpaceMb);
    expect(limited).toBeLessThan(WEB_HEAP.oldSpaceMb + 8 * WEB_HEAP.semiSpaceMb);
  });

  it("lets an operator's own NODE_OPTIONS win", () => {
    expect(withHeapCeiling(WEB_HEAP, "--max-old-space-size=1024")).toBe("--max-old-space-size=192 --max-semi-space-size=8 --max-old-space-size=1024");
    expect(oldSpaceLimitMb(withHeapCeiling(WEB_HEAP, "--max-old-space-size=1024"))).toBeGreaterThanOrEqual(1024);
  });
});
