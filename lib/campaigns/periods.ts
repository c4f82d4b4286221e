import type { Recurrence } from "@/db/schema/campaigns";

// Period arithmetic of recurring and periodic campaigns, in UTC (campaign dates are UTC days).
// Pure: no database, no clock; `now` is always passed in (operationMgt reads it from the database).

const DAY_MS = 86_400_000;

/** A recurrence read from the database is trusted only if it still has a sane shape. */
export function isRecurrence(r: unknown): r is Recurrence {
  const v = r as Partial<Recurrence> | null;
  return !!v && Number.isInteger(v.every) && (v.every as number) >= 1 && (v.unit === "day" || v.unit === "week" || v.unit === "month");
}

/**
 * The start of period `k` (k = 0 is the campaign's start). Months are counted from the start
 * each time and clamp to the month's last day, so a Jan 31 start gives Feb 28 (29), Mar 31,
 * Apr 30: clamping never drifts the later periods. The time of day is kept.
 */
export function periodStart(start: Date, r: Recurrence, k: number): Date {
  if (r.unit !== "month") return new Date(start.getTime() + k * r.every * (r.unit === "week" ? 7 : 1) * DAY_MS);
  const months = start.getUTCMonth() + k * r.every;
  const year = start.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const d = new Date(start.getTime());
  d.setUTCFullYear(year, month, Math.min(start.getUTCDate(), lastDay));
  return d;
}

/**
 * The latest period that has begun by `now` and not after `end` (inclusive), with the start of the
 * one after it; null before the first period.
 */
export function latestPeriod(start: Date, end: Date | null, r: Recurrence, now: Date): { index: number; start: Date; next: Date } | null {
  const limit = end && end.getTime() < now.getTime() ? end : now;
  if (limit.getTime() < start.getTime()) return null;
  let k: number;
  if (r.unit === "month") {
    const months = (limit.getUTCFullYear() - start.getUTCFullYear()) * 12 + (limit.getUTCMonth() - start.getUTCMonth());
    k = Math.floor(months / r.every);
    // In the limit's own month the period may start later in the month than the limit.
    while (k > 0 && periodStart(start, r, k).getTime() > limit.getTime()) k -= 1;
  } else {
    k = Math.floor((limit.getTime() - start.getTime()) / (r.every * (r.unit === "week" ? 7 : 1) * DAY_MS));
  }
  return { index: k, start: periodStart(start, r, k), next: periodStart(start, r, k + 1) };
}

/**
 * The period whose occurrence is due at `now`: the latest one, as long as it has not ended yet
 * (`now` before the next period's start). Earlier periods that were missed — operationMgt stopped,
 * or the model started late — are not caught up, and nothing is due once the last period is over.
 */
export function duePeriod(start: Date, end: Date | null, r: Recurrence, now: Date): { start: Date; next: Date } | null {
  const p = latestPeriod(start, end, r, now);
  if (!p || p.next.getTime() <= now.getTime()) return null;
  return { start: p.start, next: p.next };
}

/** The occurrence's last day: the day before the next period, or the model's end if earlier. */
export function occurrenceEnd(next: Date, end: Date | null): Date {
  const dayBefore = new Date(next.getTime() - DAY_MS);
  return end && end.getTime() < dayBefore.getTime() ? end : dayBefore;
}
