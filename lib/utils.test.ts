import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay } from "./utils";

describe("date formatting", () => {
  it("shows a moment in UTC, day first, and a dash for no value", () => {
    expect(formatDateTime("2026-03-05T17:04:00Z")).toBe("5 Mar 2026, 17:04");
    expect(formatDateTime(new Date("2026-12-31T23:59:00Z"))).toBe("31 Dec 2026, 23:59");
    expect(formatDateTime(null)).toBe("—");
  });

  it("shows a calendar day kept as UTC midnight as that day, whatever the server's zone", () => {
    expect(formatDay("2026-01-01T00:00:00Z")).toBe("1 Jan 2026");
    expect(formatDay(undefined)).toBe("—");
  });
});
