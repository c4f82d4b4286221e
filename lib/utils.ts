import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

// Built once: constructing an Intl.DateTimeFormat loads ICU data and cost a server render more
// than everything else on the packages list (B1 in e2e/perf/RESULTS.md); formatting is cheap.
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return dateTimeFormat.format(new Date(value));
}

/** A calendar day kept as UTC midnight, shown without a time. */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return dayFormat.format(new Date(value));
}
