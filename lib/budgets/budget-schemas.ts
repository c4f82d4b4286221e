import { z } from "zod";
import { fromMinor, toMinor } from "@/lib/providers/costs";

// The budget form (§9), shared by react-hook-form's resolver and the server actions. No database
// import: this runs in the browser. Every transform is idempotent, since the form's output is
// parsed again by the action.

// budgets.allocated and budget_categories.allocated are numeric(16,2): 14 digits, then cents.
const ALLOCATED = /^\d{1,14}(\.\d{1,2})?$/;
export const allocatedMessage = "Enter an amount like 1250.40: digits, a dot, at most 2 decimals.";
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a typed amount is one the form accepts (digits, at most 2 decimals). */
export const isCentsAmount = (value: string) => ALLOCATED.test(value.trim());

const optionalId = z.union([z.literal(""), z.uuid("Choose from the list.")], { error: "Choose from the list." });
const label = z.string().trim().min(1, "Enter a label.").max(120, "Keep the label under 120 characters.");
const allocated = z.string().trim().min(1, "Enter the allocated amount.").regex(ALLOCATED, allocatedMessage);

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
const optionalDay = z.string().trim().refine((v) => v === "" || isDay(v), "Enter a date as YYYY-MM-DD, or leave it empty.");

export const budgetCategorySchema = z.object({
  id: optionalId,
  label,
  allocated,
});
export type BudgetCategoryInput = z.input<typeof budgetCategorySchema>;

/** "1250.4" → "1250.40": how an amount is stored and shown back in the form. */
export function centsOf(value: string): string {
  return fromMinor(toMinor(value), 2);
}

export const budgetSchema = z
  .object({
    label,
    // Typed in any case, kept as ISO 4217 writes it.
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Enter a 3-letter ISO 4217 code, like EUR or USD."),
    parentId: optionalId,
    periodStart: optionalDay,
    periodEnd: optionalDay,
    allocated,
    categories: z.array(budgetCategorySchema).max(50, "Use at most 50 expense categories."),
  })
  .superRefine((b, ctx) => {
    if (b.periodStart && b.periodEnd && isDay(b.periodStart) && isDay(b.periodEnd) && b.periodEnd < b.periodStart) {
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "End on or after the start of the period." });
    }
    const seen = new Set<string>();
    b.categories.forEach((c, i) => {
      const key = c.label.toLowerCase();
      if (key && seen.has(key)) ctx.addIssue({ code: "custom", path: ["categories", i, "label"], message: "Another category already has this label." });
      seen.add(key);
    });
    // Exact: cents as BigInt, never floats. Only when every amount is well-formed; each bad one
    // already carries its own message.
    if (!ALLOCATED.test(b.allocated) || b.categories.some((c) => !ALLOCATED.test(c.allocated))) return;
    const total = b.categories.reduce((sum, c) => sum + toMinor(c.allocated), 0n);
    if (total > toMinor(b.allocated)) {
      ctx.addIssue({
        code: "custom",
        path: ["categories"],
        message: `The categories add up to ${fromMinor(total, 2)}, more than the budget's Allocated amount (${centsOf(b.allocated)}).`,
      });
    }
  })
  .transform((b) => ({
    ...b,
    allocated: ALLOCATED.test(b.allocated) ? centsOf(b.allocated) : b.allocated,
    categories: b.categories.map((c) => ({ ...c, allocated: ALLOCATED.test(c.allocated) ? centsOf(c.allocated) : c.allocated })),
  }));
export type BudgetInput = z.input<typeof budgetSchema>;
export type BudgetValues = z.output<typeof budgetSchema>;

export const updateBudgetSchema = budgetSchema.and(z.object({ id: z.uuid() }));

export const blankBudget: BudgetInput = { label: "", currency: "EUR", parentId: "", periodStart: "", periodEnd: "", allocated: "", categories: [] };

/** The query of the expense-line export: both filters optional, each an id. */
export const expenseExportQuerySchema = z.object({
  budgetId: z.uuid("budgetId must be a budget's id.").optional(),
  campaignId: z.uuid("campaignId must be a campaign's id.").optional(),
});
export type ExpenseExportQuery = z.output<typeof expenseExportQuerySchema>;
