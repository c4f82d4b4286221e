import { z } from "zod";
import type { LocalEditablePart, TargetingCondition, TypologyRules } from "@/db/schema/campaigns";
import { workflowGraphSchema } from "@/lib/workflows/graph";

// Schemas of what a local entity may change on its own campaign (§3, by campaign), shared by the
// campaign page's form and its server action. No database import: this file runs in the browser.

export const targetingOperators = ["equals", "not_equals", "contains", "is_empty", "is_not_empty"] as const satisfies readonly TargetingCondition["operator"][];
export const targetingOperatorLabels: Record<(typeof targetingOperators)[number], string> = {
  equals: "is",
  not_equals: "is not",
  contains: "contains",
  is_empty: "is empty",
  is_not_empty: "is not empty",
};
/** Contact columns a condition may name; any other name is read from the contact's attributes. */
export const contactFields = ["email", "firstName", "lastName"] as const;

export const targetingConditionSchema = z
  .object({
    field: z
      .string()
      .trim()
      .min(1, "Enter a contact field.")
      .max(60, "Keep the field under 60 characters.")
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "Use a field name like region or firstName."),
    operator: z.enum(targetingOperators, { message: "Choose a comparison." }),
    value: z.string().trim().max(200, "Keep the value under 200 characters."),
  })
  .superRefine((c, ctx) => {
    if (c.operator !== "is_empty" && c.operator !== "is_not_empty" && !c.value) ctx.addIssue({ code: "custom", path: ["value"], message: "Enter a value." });
  });
export const targetingSchema = z.array(targetingConditionSchema).max(20, "Use at most 20 conditions.");

const whole = (min: number, max: number, what: string) =>
  z.number({ error: `Enter ${what}.` }).int(`Enter a whole number of ${what}.`).min(min, `Use ${min} or more.`).max(max, `Use ${max} at most.`);

export const typologySchema = z.object({
  pressure: z.object({ maxMessages: whole(1, 100, "messages"), days: whole(1, 365, "days") }).nullable(),
  excludeUnsubscribed: z.boolean(),
  excludeBounced: z.boolean(),
  controlGroupPercent: whole(0, 50, "percent"),
});
export type TargetingInput = z.input<typeof targetingSchema>;
export type TypologyInput = z.input<typeof typologySchema>;

/** Parts of a local or child campaign its entity may change, as the template sets them (§3, by campaign). */
export const localEditableParts = ["targeting", "schedule", "typology", "personalization", "workflow"] as const satisfies readonly LocalEditablePart[];
export const localEditableLabels: Record<LocalEditablePart, string> = {
  targeting: "Targeting",
  schedule: "Schedule",
  typology: "Typology rules",
  personalization: "Personalization fields",
  workflow: "Workflow (its activities and transitions)",
};
/** The template column's default: every part but the workflow, which the central team grants explicitly. */
export const defaultLocalEditable: LocalEditablePart[] = localEditableParts.filter((p) => p !== "workflow");

/** A condition as stored: "is empty" and "is not empty" compare nothing, so they keep no value. */
export function normalizeTargeting(list: readonly TargetingCondition[]): TargetingCondition[] {
  return list.map((c) => ({ field: c.field, operator: c.operator, value: c.operator === "is_empty" || c.operator === "is_not_empty" ? "" : c.value }));
}

// Compared field by field: jsonb hands keys back in its own order, so the JSON text differs.
export function sameTargeting(a: readonly TargetingCondition[], b: readonly TargetingCondition[]): boolean {
  const key = (list: readonly TargetingCondition[]) => JSON.stringify(normalizeTargeting(list).map((c) => [c.field, c.operator, c.value]));
  return key(a) === key(b);
}

export function sameTypology(a: TypologyRules, b: TypologyRules): boolean {
  const key = (t: TypologyRules) =>
    JSON.stringify([t.pressure ? [t.pressure.maxMessages, t.pressure.days] : null, t.excludeUnsubscribed, t.excludeBounced, t.controlGroupPercent]);
  return key(a) === key(b);
}

/** datetime-local text, read as UTC like every date and time of the portal. */
export const dateTimeLocal = z.iso.datetime({ local: true, message: "Enter a valid date and time." });

const entity = z.string().min(1).max(100);

/**
 * What the campaign page sends. Personalization values are checked in the handler against the
 * template's fields (`parametersSchema`), which only the server knows for sure.
 */
export const localCampaignSchema = z.object({
  entity,
  campaignId: z.uuid(),
  targeting: targetingSchema,
  scheduledAt: z.union([z.literal(""), dateTimeLocal]),
  typology: typologySchema,
  personalization: z.record(z.string(), z.unknown()),
  // Sent only when the template lets the entity change the workflow; absent, it stays as it is.
  activities: workflowGraphSchema.optional(),
});
export type LocalCampaignInput = z.input<typeof localCampaignSchema>;
export type LocalCampaignValues = z.output<typeof localCampaignSchema>;

export const evaluateCampaignSchema = z.object({ entity, campaignId: z.uuid() });
