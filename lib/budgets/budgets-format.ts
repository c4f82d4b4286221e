// Display of budget amounts and the words of §9, for server pages and client components alike.
// Amounts arrive as decimal strings and are formatted from the string: Intl rounds the decimal
// itself to cents, so "0.125" shows as 0.13 and no float ever stands in for the stored amount.

import { formatDay } from "@/lib/utils";

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string | null): Intl.NumberFormat {
  const key = currency ?? "";
  let f = formatters.get(key);
  if (!f) {
    const base = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;
    try {
      f = new Intl.NumberFormat("en", currency ? { ...base, style: "currency", currency } : base);
    } catch {
      // A well-formed code Intl does not know still shows, after the amount.
      f = new Intl.NumberFormat("en", base);
    }
    formatters.set(key, f);
  }
  return f;
}

/** "1250.5" in EUR → "€1,250.50"; without a currency, "1,250.50". */
export function formatMoney(value: string | null | undefined, currency: string | null): string {
  if (value == null || value === "") return "—";
  const f = formatter(currency);
  const text = f.format(value as Intl.StringNumericLiteral);
  return currency && f.resolvedOptions().style !== "currency" ? `${text} ${currency}` : text;
}

/** A share of `scale` in percent, for bar widths only: geometry may be approximate, amounts never are. */
export function percentOf(value: string, scale: number): number {
  const v = Number(value);
  return scale > 0 && v > 0 ? Math.min(100, (v / scale) * 100) : 0;
}

export const buckets = ["planned", "reserved", "committed", "spent"] as const;
export type Bucket = (typeof buckets)[number];
export const bucketLabels: Record<Bucket, string> = { planned: "Planned", reserved: "Reserved", committed: "Committed", spent: "Spent" };

export const budgetProcessLabels = { being_edited: "Being edited", defined: "Defined" } as const;
export const commitmentLevelLabels = { planned: "Planned", reserved: "Reserved", committed: "Committed" } as const;

/** "2026-01-01" and "2026-12-31" → "1 Jan 2026 – 31 Dec 2026"; one end missing reads "from …" or "until …". */
export function formatPeriod(start: string | null, end: string | null): string {
  const day = (d: string) => formatDay(`${d}T00:00:00Z`);
  if (start && end) return `${day(start)} – ${day(end)}`;
  if (start) return `from ${day(start)}`;
  if (end) return `until ${day(end)}`;
  return "—";
}
