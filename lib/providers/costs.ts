import type { CostTier } from "@/db/schema/providers";

// §8 cost structures, applied to a count. Money never touches a JS float: amounts are decimal
// strings, turned into BigInt minor units of 1/10000 (numeric(14,4)'s scale), multiplied by
// whole counts, and turned back into strings. No database import: budgetMgt, the forms and the
// tests share this file.

export const MONEY_SCALE = 4;
const UNIT = 10n ** BigInt(MONEY_SCALE);
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export type CostStructureSpec = {
  kind: "fixed" | "linear" | "linear_threshold" | "constant_threshold";
  /** fixed: the amount; linear: the unit price, or the price of a batch when `batchSize` is set. */
  amount: string;
  batchSize: number | null;
  tiers: CostTier[];
};

/** "12.5" → 125000n. Refuses anything that is not a plain decimal with at most 4 decimals. */
export function toMinor(value: string): bigint {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, whole, frac = ""] = m;
  if (frac.length > MONEY_SCALE && /[1-9]/.test(frac.slice(MONEY_SCALE))) throw new Error(`more than ${MONEY_SCALE} decimals: ${value}`);
  const minor = BigInt(whole!) * UNIT + BigInt(frac.slice(0, MONEY_SCALE).padEnd(MONEY_SCALE, "0"));
  return sign ? -minor : minor;
}

/** 125000n → "12.50" (decimals = 2) or "12.5000"; rounds half away from zero when it drops digits. */
export function fromMinor(minor: bigint, decimals: number = MONEY_SCALE): string {
  const negative = minor < 0n;
  let abs = negative ? -minor : minor;
  const drop = MONEY_SCALE - decimals;
  if (drop > 0) {
    const f = 10n ** BigInt(drop);
    abs = (abs + f / 2n) / f;
  } else if (drop < 0) {
    abs *= 10n ** BigInt(-drop);
  }
  const f = 10n ** BigInt(decimals);
  const whole = abs / f;
  const frac = decimals > 0 ? `.${(abs % f).toString().padStart(decimals, "0")}` : "";
  return `${negative && abs !== 0n ? "-" : ""}${whole}${frac}`;
}

/** A decimal string in its shortest form: "0.1300" → "0.13", "12.0000" → "12". */
export function normalizeDecimal(value: string): string {
  return fromMinor(toMinor(value)).replace(/\.?0+$/, "") || "0";
}

function wholeCount(count: number): bigint {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`a count is a whole number ≥ 0, not ${count}`);
  return BigInt(count);
}

/** The tier a count falls in: the first whose `upTo` it does not exceed, else the last (open) one. */
export function tierFor(tiers: readonly CostTier[], count: number): CostTier | undefined {
  return tiers.find((t) => t.upTo === null || count <= t.upTo) ?? tiers.at(-1);
}

/**
 * The cost of `count` items, in minor units:
 * - fixed: the amount, whatever the count;
 * - linear: unit price × count, or, per batch of N, the batch price × the batches needed
 *   (a started batch is a whole batch: 1,001 items in batches of 500 are 3 batches);
 * - linear by threshold: count × the unit price of the count's tier (the whole count at that price);
 * - constant by threshold: the flat amount of the count's tier.
 * A threshold structure without tiers costs nothing.
 */
export function costMinor(structure: CostStructureSpec, count: number): bigint {
  const n = wholeCount(count);
  switch (structure.kind) {
    case "fixed":
      return toMinor(structure.amount);
    case "linear": {
      const size = structure.batchSize;
      if (size == null) return toMinor(structure.amount) * n;
      if (!Number.isSafeInteger(size) || size < 1) throw new Error(`a batch size is a whole number ≥ 1, not ${size}`);
      const b = BigInt(size);
      return toMinor(structure.amount) * ((n + b - 1n) / b);
    }
    case "linear_threshold": {
      const tier = tierFor(structure.tiers, count);
      return tier ? toMinor(tier.price) * n : 0n;
    }
    case "constant_threshold": {
      const tier = tierFor(structure.tiers, count);
      return tier ? toMinor(tier.price) : 0n;
    }
  }
}

/** The cost as a decimal string with 4 decimals, as numeric(14,4) stores it. */
export function costOf(structure: CostStructureSpec, count: number): string {
  return fromMinor(costMinor(structure, count));
}

/** The sum of several costs (decimal strings), exact. */
export function sumAmounts(amounts: readonly string[], decimals: number = MONEY_SCALE): string {
  return fromMinor(
    amounts.reduce((acc, a) => acc + toMinor(a), 0n),
    decimals,
  );
}
