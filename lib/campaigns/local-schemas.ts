import { z } from "zod";
import type { TargetingCondition } from "@/db/schema/campaigns";

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
