import { z } from "zod";

export const orderGeneralSchema = z.object({
  orderId: z.uuid(),
  label: z.string().trim().min(1, "Enter a label.").max(160, "Keep the label under 160 characters."),
  comment: z.string().max(2000, "Keep the comment under 2,000 characters."),
});
export type OrderGeneralInput = z.input<typeof orderGeneralSchema>;

export const deleteOrderSchema = z.object({
  orderId: z.uuid(),
  comment: z.string().trim().min(1, "Say why: the entity is told.").max(2000, "Keep the comment under 2,000 characters."),
});

// The entity's side (§4). The details (label, comment, personalization values, reviewers,
// documents) are checked by `orderDetailsSchema`, built from the package's template, in the
// handler: the envelope below only says which package or order the request is about.
const entity = z.string().min(1).max(100);
const details = {
  label: z.unknown(),
  comment: z.unknown(),
  parameters: z.record(z.string(), z.unknown()).default({}),
  reviewerIds: z.unknown(),
  documents: z.unknown(),
};
export const placeOrderSchema = z.object({ entity, packageId: z.uuid(), ...details });
export const editOrderSchema = z.object({
  entity,
  orderId: z.uuid(),
  ...details,
  removeDocumentIds: z.array(z.uuid()).max(50).default([]),
});
export const cancelOwnOrderSchema = z.object({
  entity,
  orderId: z.uuid(),
  comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").default(""),
});

// `seen`: when the reviewer's page showed the order (its updatedAt). A decision on values the
// reviewer never saw is refused: the entity may change its order until it is approved.
const seen = z.iso.datetime({ offset: true }).optional();

const decisionFields = {
  decision: z.enum(["accept", "reject"]),
  comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").default(""),
};
const rejectionNeedsComment = (v: { decision: "accept" | "reject"; comment: string }, ctx: z.RefinementCtx) => {
  if (v.decision === "reject" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "Say why: the entity receives this comment." });
};

/** What the reviewer types; the review form's resolver. */
export const orderDecisionSchema = z.object(decisionFields).superRefine(rejectionNeedsComment);
export const reviewOrderSchema = z.object({ orderId: z.uuid(), seen, ...decisionFields }).superRefine(rejectionNeedsComment);
export type ReviewOrderInput = z.input<typeof reviewOrderSchema>;

const token = z.string().min(1).max(100);
export const reviewOrderFromLinkSchema = z.object({ token, seen, ...decisionFields }).superRefine(rejectionNeedsComment);
export const rejectSubscriptionFromLinkSchema = z.object({ token });

export const evaluateOrderSchema = z.object({ entity, packageId: z.uuid() });
export const previewOrderSchema = z.object({
  entity,
  packageId: z.uuid(),
  contactEmail: z.string().trim().max(320).default(""),
  parameters: z
    .record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
    .refine((r) => Object.keys(r).length <= 50, "At most 50 values.")
    .default({}),
});
