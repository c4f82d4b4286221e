import { describe, expect, it } from "vitest";
import { duePeriod, isRecurrence, latestPeriod, occurrenceEnd, periodStart } from "./periods";

const d = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
const day = (x: Date | undefined | null) => x?.toISOString().slice(0, 10);

describe("period arithmetic", () => {
  it("adds days and weeks", () => {
    expect(day(periodStart(d("2030-03-01"), { every: 1, unit: "day" }, 0))).toBe("2030-03-01");
    expect(day(periodStart(d("2030-03-01"), { every: 3, unit: "day" }, 2))).toBe("2030-03-07");
    expect(day(periodStart(d("2030-12-29"), { every: 2, unit: "week" }, 1))).toBe("2031-01-12");
  });

  it("clamps months to the month's last day, counting from the start each time", () => {
    const monthly = { every: 1, unit: "month" } as const;
    const jan31 = d("2030-01-31");
    expect([0, 1, 2, 3, 4].map((k) => day(periodStart(jan31, monthly, k)))).toEqual(["2030-01-31", "2030-02-28", "2030-03-31", "2030-04-30", "2030-05-31"]);
    // Leap year, and across the year end.
    expect(day(periodStart(d("2028-01-31"), monthly, 1))).toBe("2028-02-29");
    expect(day(periodStart(d("2030-11-30"), { every: 3, unit: "month" }, 1))).toBe("2031-02-28");
    expect(day(periodStart(d("2030-08-31"), { every: 6, unit: "month" }, 3))).toBe("2032-02-29");
    // The time of day stays.
    expect(periodStart(d("2030-01-31T09:30:00Z"), monthly, 1).toISOString()).toBe("2030-02-28T09:30:00.000Z");
  });

  it("finds the latest period begun by now and not after the end date", () => {
    const monthly = { every: 1, unit: "month" } as const;
    expect(latestPeriod(d("2030-01-31"), null, monthly, d("2030-01-30"))).toBeNull();
    const p = latestPeriod(d("2030-01-31"), null, monthly, d("2030-03-15T12:00:00Z"))!;
    expect([p.index, day(p.start), day(p.next)]).toEqual([1, "2030-02-28", "2030-03-31"]);
    // On the period's first day, at midnight exactly, the period has begun.
    expect(day(latestPeriod(d("2030-01-31"), null, monthly, d("2030-03-31"))!.start)).toBe("2030-03-31");
    // The end date bounds the periods (inclusive).
    const weekly = { every: 1, unit: "week" } as const;
    expect(day(latestPeriod(d("2030-03-01"), d("2030-03-15"), weekly, d("2030-06-01"))!.start)).toBe("2030-03-15");
    expect(day(latestPeriod(d("2030-03-01"), d("2030-03-14"), weekly, d("2030-06-01"))!.start)).toBe("2030-03-08");
    expect(day(latestPeriod(d("2030-03-01"), null, { every: 10, unit: "day" }, d("2030-03-31T23:59:59Z"))!.start)).toBe("2030-03-31");
  });

  it("makes only the current period due: missed ones are not caught up, a finished last one neither", () => {
    const daily = { every: 1, unit: "day" } as const;
    expect(day(duePeriod(d("2030-03-01"), d("2030-03-31"), daily, d("2030-03-10T08:00:00Z"))?.start)).toBe("2030-03-10");
    expect(duePeriod(d("2030-03-01"), d("2030-03-05"), daily, d("2030-03-10T08:00:00Z"))).toBeNull();
    expect(duePeriod(d("2030-03-11"), null, daily, d("2030-03-10T08:00:00Z"))).toBeNull();
    // A last period that began before the end date runs its course.
    const weekly = { every: 1, unit: "week" } as const;
    expect(day(duePeriod(d("2030-03-01"), d("2030-03-09"), weekly, d("2030-03-12"))?.start)).toBe("2030-03-08");
  });

  it("ends an occurrence the day before the next period, or on the model's end date", () => {
    expect(day(occurrenceEnd(d("2030-03-08"), null))).toBe("2030-03-07");
    expect(day(occurrenceEnd(d("2030-03-08"), d("2030-03-05")))).toBe("2030-03-05");
  });

  it("trusts only a sane recurrence", () => {
    expect(isRecurrence({ every: 2, unit: "week" })).toBe(true);
    expect(isRecurrence({ every: 0, unit: "week" })).toBe(false);
    expect(isRecurrence({ every: 1.5, unit: "day" })).toBe(false);
    expect(isRecurrence({ every: 1, unit: "year" })).toBe(false);
    expect(isRecurrence(null)).toBe(false);
  });
});
