import { z } from "zod";

// Schemas of the stock line and stock order forms (§9), shared by react-hook-form's resolver and
// the server actions. No database import: this runs in the browser.

// Quantities are stored as int4; the cap keeps their sums in range with room to spare.
export const MAX_QUANTITY = 100_000_000;

const quantity = (what: string) =>
  z
    .number({ error: `Enter the ${what} as a whole number.` })
    .int(`Enter the ${what} as a whole number.`)
    .max(MAX_QUANTITY, `Use at most ${MAX_QUANTITY.toLocaleString("en")}.`);

const optionalId = z.union([z.literal(""), z.uuid()]);

function isDay(v: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
}

export const stockLineSchema = z.object({
  resource: z.string().trim().min(1, "Enter the marketing resource, like Spring brochure A5.").max(200, "Keep the resource under 200 characters."),
  providerId: optionalId,
  initialStock: quantity("initial stock").min(0, "Use 0 or more."),
  alertLevel: quantity("alert level").min(0, "Use 0 or more."),
  // Central operators, checked against the users table when saved.
  managerIds: z.array(z.uuid()).max(50, "Choose at most 50 stock managers."),
});
export type StockLineInput = z.input<typeof stockLineSchema>;
export type StockLineValues = z.output<typeof stockLineSchema>;

export const updateStockLineSchema = stockLineSchema.extend({ id: z.uuid() });

export const stockOrderSchema = z.object({
  stockLineId: z.uuid(),
  volume: quantity("volume").min(1, "Order at least 1."),
  // A past date is allowed: an order already received is added at the next stockMgt run.
  deliveryDate: z
    .string()
    .refine(isDay, "Enter the delivery date.")
    .refine((v) => !isDay(v) || (v >= "2000-01-01" && v <= "2099-12-31"), "Enter a date between 2000 and 2099."),
});
export type StockOrderInput = z.input<typeof stockOrderSchema>;

export const removeStockOrderSchema = z.object({ stockOrderId: z.uuid() });

export const emptyStockLine: StockLineInput = { resource: "", providerId: "", initialStock: 0, alertLevel: 0, managerIds: [] };
