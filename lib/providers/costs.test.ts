import { describe, expect, it } from "vitest";
import { costOf, fromMinor, normalizeDecimal, sumAmounts, toMinor, type CostStructureSpec } from "./costs";

const spec = (s: Partial<CostStructureSpec> & Pick<CostStructureSpec, "kind">): CostStructureSpec => ({ amount: "0", batchSize: null, tiers: [], ...s });

// §8's example: 0.13 up to 100, 0.12 up to 1,000, 0.11 above.
const byThreshold = spec({
  kind: "linear_threshold",
  tiers: [
    { upTo: 100, price: "0.13" },
    { upTo: 1000, price: "0.12" },
    { upTo: null, price: "0.11" },
  ],
});

describe("cost structures", () => {
  it("linear by threshold: the whole count at its tier's unit price, tier edges included", () => {
    expect(costOf(byThreshold, 0)).toBe("0.0000");
    expect(costOf(byThreshold, 1)).toBe("0.1300");
    expect(costOf(byThreshold, 100)).toBe("13.0000");
    expect(costOf(byThreshold, 101)).toBe("12.1200");
    expect(costOf(byThreshold, 1000)).toBe("120.0000");
    expect(costOf(byThreshold, 1001)).toBe("110.1100");
    expect(costOf(byThreshold, 2_500_000)).toBe("275000.0000");
  });

  it("constant by threshold: the tier's flat amount", () => {
    const flat = spec({ kind: "constant_threshold", tiers: [{ upTo: 500, price: "50" }, { upTo: 5000, price: "120.5" }, { upTo: null, price: "300.0001" }] });
    expect(costOf(flat, 0)).toBe("50.0000");
    expect(costOf(flat, 500)).toBe("50.0000");
    expect(costOf(flat, 501)).toBe("120.5000");
    expect(costOf(flat, 5000)).toBe("120.5000");
    expect(costOf(flat, 5001)).toBe("300.0001");
    expect(costOf(spec({ kind: "constant_threshold" }), 10)).toBe("0.0000");
  });

  it("linear: unit price × count, or per batch of N with a started batch counted whole", () => {
    expect(costOf(spec({ kind: "linear", amount: "0.0725" }), 3)).toBe("0.2175");
    expect(costOf(spec({ kind: "linear", amount: "0.1" }), 3)).toBe("0.3000"); // 0.1 × 3 is 0.30000000000000004 in floats
    const batches = spec({ kind: "linear", amount: "12.50", batchSize: 500 });
    expect(costOf(batches, 0)).toBe("0.0000");
    expect(costOf(batches, 1)).toBe("12.5000");
    expect(costOf(batches, 500)).toBe("12.5000");
    expect(costOf(batches, 501)).toBe("25.0000");
    expect(costOf(batches, 1001)).toBe("37.5000");
  });

  it("fixed: the amount whatever the count", () => {
    expect(costOf(spec({ kind: "fixed", amount: "1500" }), 0)).toBe("1500.0000");
    expect(costOf(spec({ kind: "fixed", amount: "1500" }), 99_999)).toBe("1500.0000");
  });

  it("refuses counts and amounts that are not exact", () => {
    expect(() => costOf(byThreshold, 1.5)).toThrow();
    expect(() => costOf(byThreshold, -1)).toThrow();
    expect(() => toMinor("1e3")).toThrow();
    expect(() => toMinor("0.00001")).toThrow();
    expect(() => costOf(spec({ kind: "linear", amount: "1", batchSize: 0 }), 3)).toThrow();
  });

  it("reads, writes, rounds and sums decimal strings exactly", () => {
    expect(toMinor("0.13")).toBe(1300n);
    expect(toMinor("12")).toBe(120000n);
    expect(toMinor("0.10000")).toBe(1000n);
    expect(fromMinor(125000n, 2)).toBe("12.50");
    expect(fromMinor(125n, 2)).toBe("0.01"); // 0.0125 → 0.01
    expect(fromMinor(150n, 2)).toBe("0.02"); // half away from zero
    expect(fromMinor(-150n, 2)).toBe("-0.02");
    expect(normalizeDecimal("0.1300")).toBe("0.13");
    expect(normalizeDecimal("12.0000")).toBe("12");
    expect(normalizeDecimal("0")).toBe("0");
    expect(sumAmounts(["0.1", "0.2"])).toBe("0.3000");
    expect(sumAmounts(["99999999.9999", "0.0001"], 2)).toBe("100000000.00");
  });
});
