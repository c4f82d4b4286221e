import { z } from "zod";

// Schemas of the delivery page's forms (§7), shared by react-hook-form's resolver and the server
// actions. No database import: this file runs in the browser.

export const approvalKinds = ["target", "content", "budget"] as const;
export type ApprovalKind = (typeof approvalKinds)[number];

const entity = z.string().min(1).max(100);
const deliveryId = z.uuid();

const whole = (min: number, max: number, what: string) =>
  z.number({ error: `Enter a number of ${what}.` }).int(`Enter a whole number of ${what}.`).min(min, `Use ${min} or more.`).max(max, `Use ${max} at most.`);

export const contentFields = {
  subject: z.string().trim().min(1, "Enter a subject.").max(300, "Keep the subject under 300 characters."),
  body: z.string().trim().min(1, "Write the message.").max(50_000, "Keep the message under 50,000 characters."),
};

/** What an entity may change on its own campaign's delivery: the message, nothing else. */
export const deliveryContentSchema = z.object({ entity, deliveryId, ...contentFields });
export type DeliveryContentInput = z.input<typeof deliveryContentSchema>;

/** The central editor: the message, approvals, contact date and throttle. */
export const deliverySettingsSchema = z
  .object({
    deliveryId,
    ...contentFields,
    approvalKinds: z.array(z.enum(approvalKinds)).max(3).refine((k) => new Set(k).size === k.length, "Choose each approval once."),
    reviewerIds: z.array(z.uuid()).max(20, "Name at most 20 reviewers."),
    approvalDays: whole(1, 60, "days"),
    reminderHours: z.array(whole(1, 1440, "hours")).max(5, "Use at most 5 reminders."),
    // datetime-local text, read as UTC like every date and time of the portal; "" = as soon as reached.
    scheduledAt: z.union([z.literal(""), z.iso.datetime({ local: true, message: "Enter a valid date and time." })]),
    // Messages per second; null = as fast as the SMTP server takes them.
    ratePerSecond: whole(1, 1000, "messages per second").nullable(),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.reminderHours).size !== v.reminderHours.length) ctx.addIssue({ code: "custom", path: ["reminderHours"], message: "Give each reminder once." });
    else if (v.reminderHours.some((h) => h >= v.approvalDays * 24)) {
      ctx.addIssue({ code: "custom", path: ["reminderHours"], message: "A reminder must come after the request: use fewer hours than the approval period." });
    }
  });
export type DeliverySettingsInput = z.input<typeof deliverySettingsSchema>;
export type DeliverySettingsValues = z.output<typeof deliverySettingsSchema>;

export const deliveryRefSchema = z.object({ deliveryId });
export const ownDeliveryRefSchema = z.object({ entity, deliveryId });

const decisionFields = {
  decision: z.enum(["accept", "reject"], { message: "Choose Accept or Reject." }),
  comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").default(""),
};
const rejectionNeedsComment = (v: { decision: "accept" | "reject"; comment: string }, ctx: z.RefinementCtx) => {
  if (v.decision === "reject" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "Say why: the delivery goes back to its editors with your comment." });
};

/** What the reviewer types on the screen, for one kind. */
export const approvalDecisionSchema = z.object(decisionFields).superRefine(rejectionNeedsComment);
export type ApprovalDecisionInput = z.input<typeof approvalDecisionSchema>;
export const reviewDeliveryApprovalSchema = z.object({ deliveryId, kind: z.enum(approvalKinds), ...decisionFields }).superRefine(rejectionNeedsComment);

/**
 * The email link answers every approval still waiting, in one go: the link works once, so it
 * cannot be spent on one kind and leave the others unanswerable.
 */
export const linkDecisionsSchema = z.object({
  decisions: z
    .array(z.object({ kind: z.enum(approvalKinds), ...decisionFields }).superRefine(rejectionNeedsComment))
    .min(1, "Answer at least one approval.")
    .max(3)
    .refine((d) => new Set(d.map((x) => x.kind)).size === d.length, "Answer each approval once."),
});
export type LinkDecisionsInput = z.input<typeof linkDecisionsSchema>;
export const reviewDeliveryFromLinkSchema = linkDecisionsSchema.extend({ token: z.string().min(1).max(100) });

/**
 * One to five addresses, separated by commas, semicolons or spaces. The form types one string;
 * its resolver hands the action the parsed list, which this schema takes as well.
 */
const recipients = z
  .union([z.string().max(2000, "Keep the list under 2,000 characters."), z.array(z.string().max(320)).max(20)])
  .transform((raw, ctx) => {
    const text = Array.isArray(raw) ? raw.join(",") : raw;
    const list = [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];
    if (!list.length) ctx.addIssue({ code: "custom", message: "Enter at least one email address." });
    else if (list.length > 5) ctx.addIssue({ code: "custom", message: "Send a proof to five addresses at most." });
    else {
      const bad = list.find((e) => !z.email().safeParse(e).success);
      if (bad) ctx.addIssue({ code: "custom", message: `“${bad.slice(0, 80)}” is not a valid email address.` });
    }
    return list;
  });
export const proofFormSchema = z.object({ recipients });
export type ProofFormInput = z.input<typeof proofFormSchema>;
export const sendProofSchema = z.object({ deliveryId, recipients });
export const sendOwnProofSchema = z.object({ entity, deliveryId, recipients });
