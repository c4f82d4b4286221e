import { z } from "zod";

export const internalNameField = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(60, "Keep it under 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like paris-north.");

const optionalEmail = z
  .string()
  .trim()
  .max(254, "This email address is too long.")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address, or leave it empty.");

export const entityDetailsSchema = z.object({
  label: z.string().trim().min(1, "Enter a label.").max(120, "Keep the label under 120 characters."),
  internalName: internalNameField,
  email: optionalEmail,
  phone: z
    .string()
    .trim()
    .max(40, "Keep the phone number under 40 characters.")
    .regex(/^[+0-9 ().-]*$/, "Use digits, spaces and + ( ) . - only."),
  address: z.string().trim().max(300, "Keep the address under 300 characters."),
});

const userIds = z.array(z.uuid()).max(1000);

export const entityFormSchema = entityDetailsSchema
  .extend({
    parentId: z.union([z.literal(""), z.uuid()]),
    members: userIds,
    packageNotification: userIds,
    orderReviewers: userIds,
    campaignReviewers: userIds,
  })
  .superRefine((v, ctx) => {
    // A group only holds the entity's own operators: a reviewer from another entity would see its orders.
    const members = new Set(v.members);
    for (const group of ["packageNotification", "orderReviewers", "campaignReviewers"] as const) {
      if (v[group].some((id) => !members.has(id))) {
        ctx.addIssue({ code: "custom", path: [group], message: "Only operators of this entity can be in its groups." });
      }
    }
  });
export type EntityFormInput = z.input<typeof entityFormSchema>;
export type EntityFormValues = z.output<typeof entityFormSchema>;

export const updateEntitySchema = entityFormSchema.and(z.object({ id: z.uuid() }));

// CSV import: one row per entity; the parent is named by its internal name.
export const entityImportRowSchema = entityDetailsSchema.extend({
  parent: z.union([z.literal(""), internalNameField]),
});
export type EntityImportRow = z.output<typeof entityImportRowSchema>;

export const entityImportSchema = z.object({
  rows: z.array(z.record(z.string(), z.string().max(1000))).min(1, "The file has no rows.").max(5000, "Import at most 5,000 rows at a time."),
});

export const ENTITY_CSV_COLUMNS = ["label", "internal_name", "email", "phone", "address", "parent"] as const;

/** Maps a CSV record (snake_case headers) to the row schema's fields. */
export function csvRecordToRow(record: Record<string, string>): Record<string, string> {
  return {
    label: record.label ?? "",
    internalName: record.internal_name ?? "",
    email: record.email ?? "",
    phone: record.phone ?? "",
    address: record.address ?? "",
    parent: record.parent ?? "",
  };
}
