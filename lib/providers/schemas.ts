import { z } from "zod";
import { normalizeDecimal } from "./costs";

// Schemas of the service provider form (§8) and of the direct-mail steps, shared by
// react-hook-form's resolver and the server actions. No database import: this runs in the browser.
// Every transform here is idempotent, since the form's output is parsed again by the action.

export const costChannels = ["email", "direct_mail", "task"] as const;
export const costKinds = ["fixed", "linear", "linear_threshold", "constant_threshold"] as const;
export type CostKind = (typeof costKinds)[number];

/** Contact fields an export column can take; anything else names a contact attribute. */
export const exportContactFields = ["email", "firstName", "lastName", "entity"] as const;
export const fileNamePlaceholders = ["delivery", "date", "provider"] as const;

const MONEY = /^\d{1,10}(\.\d{1,4})?$/;
const MONEY_2 = /^\d{1,12}(\.\d{1,2})?$/;
export const moneyMessage = "Enter an amount like 12.50: digits, a dot, at most 4 decimals.";

const optionalId = z.union([z.literal(""), z.uuid()]);
const text = (max: number, what: string) => z.string().trim().max(max, `Keep ${what} under ${max} characters.`);
const required = (max: number, what: string, missing: string) => text(max, what).min(1, missing);

/** "a@x.com, b@y.com\nc@z.com" → the addresses, lower-case, each once. */
export function emailList(value: string): string[] {
  return [...new Set(value.split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))];
}

/** "Printing, Postage" → ["Printing", "Postage"]. */
export function costTypeList(value: string): string[] {
  return [...new Set(value.split(",").map((t) => t.trim()).filter(Boolean))];
}

const tierSchema = z.object({
  upTo: z.number({ error: "Enter a whole number of items." }).int("Enter a whole number of items.").min(1, "Use 1 or more.").max(1_000_000_000, "Use at most 1,000,000,000.").nullable(),
  price: z.string().trim(),
});

export const costStructureSchema = z
  .object({
    id: optionalId,
    label: required(120, "the label", "Enter a label."),
    kind: z.enum(costKinds, { message: "Choose a cost structure." }),
    amount: z.string().trim(),
    batchSize: z.number({ error: "Enter a whole number of items." }).int("Enter a whole number of items.").min(1, "Use 1 or more.").max(1_000_000_000, "Use at most 1,000,000,000.").nullable(),
    tiers: z.array(tierSchema).max(20, "Use at most 20 tiers."),
  })
  .superRefine((s, ctx) => {
    if (s.kind === "fixed" || s.kind === "linear") {
      if (!s.amount) ctx.addIssue({ code: "custom", path: ["amount"], message: s.kind === "fixed" ? "Enter the amount." : "Enter the unit price." });
      else if (!MONEY.test(s.amount)) ctx.addIssue({ code: "custom", path: ["amount"], message: moneyMessage });
      return;
    }
    if (!s.tiers.length) ctx.addIssue({ code: "custom", path: ["tiers"], message: "Add at least one tier." });
    let previous = 0;
    s.tiers.forEach((t, i) => {
      if (!t.price) ctx.addIssue({ code: "custom", path: ["tiers", i, "price"], message: "Enter the price." });
      else if (!MONEY.test(t.price)) ctx.addIssue({ code: "custom", path: ["tiers", i, "price"], message: moneyMessage });
      // The last tier is open ("above"); each other one ends above the previous.
      if (i === s.tiers.length - 1) return;
      if (t.upTo == null) ctx.addIssue({ code: "custom", path: ["tiers", i, "upTo"], message: "Enter up to how many items this price applies." });
      else if (t.upTo <= previous) ctx.addIssue({ code: "custom", path: ["tiers", i, "upTo"], message: `Use more than ${previous.toLocaleString("en")}: tiers go up.` });
      else previous = t.upTo;
    });
  })
  .transform((s) => {
    // Refinement issues may not stop the transform: never normalize what did not validate.
    const norm = (v: string) => (MONEY.test(v) ? normalizeDecimal(v) : v);
    const linearish = s.kind === "fixed" || s.kind === "linear";
    return {
      ...s,
      amount: linearish ? norm(s.amount) : "0",
      batchSize: s.kind === "linear" ? s.batchSize : null,
      tiers: linearish ? [] : s.tiers.map((t, i) => ({ upTo: i === s.tiers.length - 1 ? null : t.upTo, price: norm(t.price) })),
    };
  });
export type CostStructureInput = z.input<typeof costStructureSchema>;

export const costCategorySchema = z.object({
  id: optionalId,
  label: required(120, "the label", "Enter a label."),
  channel: z.enum(costChannels, { message: "Choose a channel." }),
  // Comma-separated in the form; split when saved.
  costTypes: text(500, "the cost types").refine((v) => costTypeList(v).every((t) => t.length <= 60), "Keep each cost type under 60 characters."),
  structures: z.array(costStructureSchema).min(1, "Add at least one cost structure.").max(20, "Use at most 20 cost structures per category."),
  // The stock line each targeted item draws one unit from (§9); "" = none. Left out, the
  // category keeps the line it has, so a client that does not show the choice cannot clear it.
  stockLineId: optionalId.optional(),
});
export type CostCategoryInput = z.input<typeof costCategorySchema>;

export const exportColumnSchema = z.object({
  header: required(100, "the header", "Enter the column header."),
  // email, firstName, lastName, entity (its internal name), or a contact attribute's name.
  field: required(100, "the field", "Enter a contact field or attribute name."),
});

const fileNamePattern = required(200, "the pattern", "Enter a file name pattern.").superRefine((v, ctx) => {
  const unknown = [...v.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!).filter((p) => !(fileNamePlaceholders as readonly string[]).includes(p));
  if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown placeholder {${unknown[0]}}: use {delivery}, {date} or {provider}.` });
  else if (/[/\\:*?"<>|\u0000-\u001f]/.test(v)) ctx.addIssue({ code: "custom", message: "Keep slashes and the characters : * ? \" < > | out of a file name." });
  else if (!/\.csv$/i.test(v)) ctx.addIssue({ code: "custom", message: "End the pattern with .csv." });
});

export const providerSchema = z
  .object({
    name: required(120, "the name", "Enter the provider's name."),
    // One address per line (or comma-separated) in the form; split when saved.
    contactEmails: text(2000, "the list").superRefine((v, ctx) => {
      const emails = emailList(v);
      if (!emails.length) return ctx.addIssue({ code: "custom", message: "Enter at least one contact email: the extraction file is sent there." });
      if (emails.length > 20) return ctx.addIssue({ code: "custom", message: "Enter at most 20 addresses." });
      const bad = emails.find((e) => e.length > 254 || !z.email().safeParse(e).success);
      if (bad) ctx.addIssue({ code: "custom", message: `"${bad}" is not a valid email address.` });
    }),
    exportColumns: z.array(exportColumnSchema).max(50, "Use at most 50 columns."),
    fileNamePattern,
    notifySubject: text(300, "the subject"),
    notifyBody: text(10_000, "the message"),
    finishOnSend: z.boolean(),
    categories: z.array(costCategorySchema).max(30, "Use at most 30 cost categories."),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.exportColumns.forEach((c, i) => {
      const key = c.header.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["exportColumns", i, "header"], message: "Another column already has this header." });
      seen.add(key);
    });
  });
export type ProviderInput = z.input<typeof providerSchema>;
export type ProviderValues = z.output<typeof providerSchema>;

export const updateProviderSchema = providerSchema.and(z.object({ id: z.uuid() }));

// The direct-mail steps (§7, §8) on a delivery.
export const deliveryFileRefSchema = z.object({ deliveryId: z.uuid() });

export const finishProviderDeliverySchema = z.object({
  deliveryId: z.uuid(),
  // deliveries.real_cost is numeric(14,2): the provider's invoice, in cents at most. "" = not reported yet.
  realCost: z.union([z.literal(""), z.string().trim().regex(MONEY_2, "Enter an amount like 1250.40: digits, a dot, at most 2 decimals.")]),
});
export type FinishProviderDeliveryInput = z.input<typeof finishProviderDeliverySchema>;

/** A blank cost structure of each kind, for the form's Add buttons. */
export const blankStructure = (kind: CostKind = "linear"): CostStructureInput => ({
  id: "",
  label: "",
  kind,
  amount: "",
  batchSize: null,
  tiers: kind === "linear_threshold" || kind === "constant_threshold" ? [{ upTo: null, price: "" }] : [],
});

export const defaultFileNamePattern = "{delivery}-{date}.csv";
