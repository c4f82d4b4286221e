import { z } from "zod";

const optionalDate = z.union([z.literal(""), z.iso.datetime({ local: true, message: "Enter a valid date and time." })]);
const requiredDate = z.iso.datetime({ local: true, message: "Enter a date and time." });

/** The package form; dates come from datetime-local inputs (YYYY-MM-DDTHH:mm, read as UTC). */
export const packageFormSchema = z
  .object({
    kind: z.enum(["local", "collaborative"]),
    label: z.string().trim().min(1, "Enter a label.").max(160, "Keep the label under 160 characters."),
    internalName: z
      .string()
      .trim()
      .min(2, "Use at least 2 characters.")
      .max(80, "Keep it under 80 characters.")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens."),
    folder: z.string().trim().max(120, "Keep the folder under 120 characters."),
    referenceCampaignId: z.uuid("Choose the reference campaign."),
    assignedToId: z.union([z.literal(""), z.uuid()]),
    description: z.string().max(5000, "Keep the description under 5,000 characters."),
    messageForEntities: z.string().max(5000, "Keep the message under 5,000 characters."),
    sendNotificationOnPublication: z.boolean(),
    limitToAudience: z.boolean(),
    audience: z.array(z.uuid()).max(20_000),
    approvalMode: z.enum(["manual", "automatic"]),
    enableMultipleCreation: z.boolean(),
    startTargetingWithApproval: z.boolean(),
    startAt: requiredDate,
    availableAt: requiredDate,
    registrationDeadline: optionalDate,
    personalizationDeadline: optionalDate,
    endAt: requiredDate,
    reviewers: z.array(z.uuid()).max(50),
    approvalDelayDays: z.coerce.number().int("Use whole days.").min(1, "At least 1 day.").max(90, "At most 90 days."),
    reminderDaysBefore: z.array(z.coerce.number().int().min(0).max(90)).max(5),
  })
  .superRefine((v, ctx) => {
    // start ≤ availability ≤ registration deadline ≤ end, each error on the field that breaks the order.
    const order: [keyof typeof v, string][] = [
      ["startAt", "Start"],
      ["availableAt", "Availability"],
      ["registrationDeadline", "Registration deadline"],
      ["endAt", "End"],
    ];
    let prev: { key: string; label: string; at: number } | undefined;
    for (const [key, label] of order) {
      const raw = v[key] as string;
      if (!raw) continue;
      const at = Date.parse(`${raw}Z`);
      if (prev && at < prev.at) ctx.addIssue({ code: "custom", path: [key], message: `Must not be before ${prev.label}.` });
      prev = { key, label, at };
    }
    if (v.kind === "collaborative" && !v.registrationDeadline) {
      ctx.addIssue({ code: "custom", path: ["registrationDeadline"], message: "A collaborative package needs a registration deadline." });
    }
  });
export type PackageFormInput = z.input<typeof packageFormSchema>;
export type PackageFormValues = z.output<typeof packageFormSchema>;

export const updatePackageSchema = packageFormSchema.and(z.object({ id: z.uuid() }));

export const commentSchema = z.object({
  packageId: z.uuid(),
  comment: z.string().trim().min(1, "Enter a comment: it is shown to the people concerned.").max(2000, "Keep the comment under 2,000 characters."),
});
export const packageIdSchema = z.object({ packageId: z.uuid() });
export const reviewSchema = z.discriminatedUnion("decision", [
  z.object({ packageId: z.uuid(), decision: z.literal("accept"), comment: z.string().max(2000).optional() }),
  z.object({ packageId: z.uuid(), decision: z.literal("reject"), comment: commentSchema.shape.comment }),
]);

/** datetime-local text (UTC) → Date. */
export function toDate(value: string): Date {
  return new Date(`${value}Z`);
}
