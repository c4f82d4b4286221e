import type { Tone } from "@/components/ui/badge";
import { fromMinor, normalizeDecimal, toMinor } from "@/lib/providers/costs";

// Words and money of the Budget tab, beside the budgets' own (lib/budgets/budgets-format.ts):
// amounts stay decimal strings, formatted from the string.

export { budgetProcessLabels, commitmentLevelLabels, formatMoney } from "@/lib/budgets/budgets-format";
export const taskStatusLabels = { planned: "Planned", in_progress: "In progress", finished: "Finished" } as const;
export const invoiceStatusLabels = { received: "Received", approved: "Approved", paid: "Paid" } as const;
export const invoiceStatusTones: Record<keyof typeof invoiceStatusLabels, Tone> = { received: "gray", approved: "blue", paid: "green" };
export const lineKindLabels = { delivery: "Delivery", task: "Task", manual: "Manual" } as const;

/** A stored amount as the form shows it: "12.5000" → "12.50"; more precise amounts keep their digits. */
export function moneyInput(value: string | null | undefined): string {
  if (value == null) return "";
  const minor = toMinor(value);
  return minor % 100n === 0n ? fromMinor(minor, 2) : normalizeDecimal(value);
}
