import { z } from "zod";

// The data distribution template form (§6), shared by react-hook-form's resolver and the server
// actions. No database import: this runs in the browser.

export const distributionTypes = ["percentage", "fixed_size"] as const;
export const distributionTypeLabels = { percentage: "Percentage", fixed_size: "Fixed size" } as const;
export const assignmentTypes = ["local_entity"] as const;
export const assignmentTypeLabels = { local_entity: "Local entity" } as const;

/** Values are matched without case by the Split (lib/execution/population.ts): so is uniqueness. */
export const distributionValueKey = (value: string) => value.trim().toLowerCase();

export const distributionRowSchema = z.object({
  value: z.string().trim().min(1, "Enter the value.").max(200, "Keep the value under 200 characters."),
  entityId: z.uuid({ error: "Choose a local entity." }),
  // 0 = every record of that value; otherwise a count (fixed size) or a percentage.
  limit: z
    .number({ error: "Enter a whole number: 0 means every record." })
    .int("Enter a whole number: 0 means every record.")
    .min(0, "Use 0 (every record) or more.")
    .max(10_000_000, "Use at most 10,000,000."),
  label: z.string().trim().max(120, "Keep the label under 120 characters."),
});
export type DistributionRowInput = z.input<typeof distributionRowSchema>;

export const distributionSchema = z
  .object({
    label: z.string().trim().min(1, "Enter a label.").max(120, "Keep the label under 120 characters."),
    // A contact attribute's name, or `entity` for the owning entity's internal name.
    field: z.string().trim().min(1, "Enter the distribution field: a contact attribute, or entity.").max(100, "Keep the field under 100 characters."),
    type: z.enum(distributionTypes, { message: "Choose Percentage or Fixed size." }),
    assignment: z.enum(assignmentTypes, { message: "Choose the assignment type." }),
    approveTargeted: z.boolean(),
    rows: z.array(distributionRowSchema).min(1, "Add at least one row.").max(500, "Use at most 500 rows."),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.rows.forEach((r, i) => {
      if (v.type === "percentage" && r.limit > 100) ctx.addIssue({ code: "custom", path: ["rows", i, "limit"], message: "A percentage is at most 100." });
      const key = distributionValueKey(r.value);
      if (!key) return;
      const first = seen.get(key);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["rows", i, "value"], message: `Row ${first + 1} already uses this value: each value goes to one row.` });
      else seen.set(key, i);
    });
  });
export type DistributionInput = z.input<typeof distributionSchema>;
export type DistributionValues = z.output<typeof distributionSchema>;

export const updateDistributionSchema = distributionSchema.and(z.object({ id: z.uuid() }));
