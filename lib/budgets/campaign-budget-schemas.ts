import { z } from "zod";
import { normalizeDecimal } from "@/lib/providers/costs";

// Schemas of a campaign's Budget tab (§9), shared by react-hook-form's resolver and the server
// actions. No database import: this runs in the browser. Every transform is idempotent, since
// the form's output is parsed again by the action.

export const budgetProcesses = ["being_edited", "defined"] as const;
export const commitmentLevels = ["planned", "reserved", "committed"] as const;
export const taskStatuses = ["planned", "in_progress", "finished"] as const;
export const invoiceStatuses = ["received", "approved", "paid"] as const;

// What operators type is cents: the money columns keep scale 4 for what budgetMgt computes.
const MONEY_2 = /^\d{1,12}(\.\d{1,2})?$/;
export const amountMessage = "Enter an amount like 1250.40: digits, a dot, at most 2 decimals.";
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMessage = "Enter a date like 2026-03-31.";

function amountIssue(v: string): string | undefined {
  if (v.startsWith("-")) return "Use 0 or more.";
  if (!MONEY_2.test(v)) return amountMessage;
  return undefined;
}
const normalized = (v: string) => (v && MONEY_2.test(v) ? normalizeDecimal(v) : v);

/** A required amount ≥ 0 with at most 2 decimals, kept as a decimal string. */
const amount = (missing: string) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const message = v ? amountIssue(v) : missing;
      if (message) ctx.addIssue({ code: "custom", message });
    })
    .transform(normalized);

/** The same, or "" for none (a real cost not known yet). */
const optionalAmount = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const message = v ? amountIssue(v) : undefined;
    if (message) ctx.addIssue({ code: "custom", message });
  })
  .transform(normalized);

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30). */
export function isDay(v: string): boolean {
  const m = DAY.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

const optionalId = z.union([z.literal(""), z.uuid()]);
const text = (max: number, what: string) => z.string().trim().max(max, `Keep ${what} under ${max} characters.`);
const required = (max: number, what: string, missing: string) => text(max, what).min(1, missing);
const campaignId = z.uuid();

export const campaignBudgetSchema = z.object({
  campaignId,
  // "" = the campaign charges its program's budget, else its plan's.
  budgetId: optionalId,
  budgetCategoryId: optionalId,
  budgetProcess: z.enum(budgetProcesses, { message: "Choose a process status." }),
  commitmentLevel: z.enum(commitmentLevels, { message: "Choose a commitment level." }),
  provisionalCost: amount("Enter the estimated provisional cost: 0 when there is none yet."),
  realCost: optionalAmount,
});
export type CampaignBudgetInput = z.input<typeof campaignBudgetSchema>;
export type CampaignBudgetValues = z.output<typeof campaignBudgetSchema>;

export const deliveryCostsSchema = z.object({
  campaignId,
  deliveries: z
    .array(
      z.object({
        deliveryId: z.uuid(),
        costCategoryId: optionalId,
        provisionalCost: amount("Enter the provisional cost: 0 when there is none yet."),
      }),
    )
    .max(500, "Save at most 500 deliveries at once.")
    .refine((rows) => new Set(rows.map((r) => r.deliveryId)).size === rows.length, "Each delivery appears once."),
});
export type DeliveryCostsInput = z.input<typeof deliveryCostsSchema>;
export type DeliveryCostsValues = z.output<typeof deliveryCostsSchema>;

export const campaignTaskSchema = z.object({
  campaignId,
  // "" = a new task.
  taskId: optionalId,
  label: required(200, "the label", "Enter a label."),
  status: z.enum(taskStatuses, { message: "Choose a status." }),
  days: z
    .number({ error: "Enter a whole number of days." })
    .int("Enter a whole number of days.")
    .min(0, "Use 0 or more.")
    .max(10_000, "Use at most 10,000 days."),
  providerId: optionalId,
  costCategoryId: optionalId,
  provisionalCost: amount("Enter the provisional cost: 0 when there is none yet."),
  realCost: optionalAmount,
});
export type CampaignTaskInput = z.input<typeof campaignTaskSchema>;
export type CampaignTaskValues = z.output<typeof campaignTaskSchema>;
export const campaignTaskRefSchema = z.object({ campaignId, taskId: z.uuid() });

export const expenseLineSchema = z.object({
  campaignId,
  // "" = a new manual line.
  lineId: optionalId,
  label: required(200, "the label", "Enter a label."),
  amount: amount("Enter the amount."),
  realAmount: optionalAmount,
  budgetCategoryId: optionalId,
});
export type ExpenseLineInput = z.input<typeof expenseLineSchema>;
export type ExpenseLineValues = z.output<typeof expenseLineSchema>;
export const expenseLineRefSchema = z.object({ campaignId, lineId: z.uuid() });

export const invoiceLineSchema = z.object({
  label: required(200, "the label", "Enter a label."),
  amount: amount("Enter the amount."),
  expenseLineId: optionalId,
});
export type InvoiceLineInput = z.input<typeof invoiceLineSchema>;

export const invoiceSchema = z
  .object({
    campaignId,
    // "" = a new invoice.
    invoiceId: optionalId,
    number: required(60, "the number", "Enter the invoice number."),
    providerId: optionalId,
    issuedOn: z.string().trim().refine(isDay, dayMessage),
    status: z.enum(invoiceStatuses, { message: "Choose a status." }),
    paidOn: z.string().trim(),
    lines: z.array(invoiceLineSchema).min(1, "Add at least one line.").max(200, "Use at most 200 lines."),
  })
  .superRefine((v, ctx) => {
    if (v.status !== "paid") return;
    if (!v.paidOn) ctx.addIssue({ code: "custom", path: ["paidOn"], message: "Enter the date it was paid." });
    else if (!isDay(v.paidOn)) ctx.addIssue({ code: "custom", path: ["paidOn"], message: dayMessage });
    // Same-format ISO days compare as strings.
    else if (isDay(v.issuedOn) && v.paidOn < v.issuedOn) ctx.addIssue({ code: "custom", path: ["paidOn"], message: "It cannot be paid before its issue date." });
  })
  // Only a paid invoice has a payment date: one left over from a status changed back is dropped.
  .transform((v) => ({ ...v, paidOn: v.status === "paid" ? v.paidOn : "" }));
export type InvoiceInput = z.input<typeof invoiceSchema>;
export type InvoiceValues = z.output<typeof invoiceSchema>;
export const invoiceRefSchema = z.object({ campaignId, invoiceId: z.uuid() });

export const blankInvoiceLine = (): InvoiceLineInput => ({ label: "", amount: "", expenseLineId: "" });
