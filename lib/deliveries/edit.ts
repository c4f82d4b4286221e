import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { deliveries, deliveryApprovals, users } from "@/db/schema";
import { AppError, errorMessages } from "@/lib/errors";
import { runDeliveryMgtSoon } from "@/lib/technical/task";
import { entityMayEditContent, loadDelivery, type DeliveryScope } from "./access";
import { deliveryStatusLabels } from "./labels";
import type { DeliverySettingsValues } from "./schemas";
import { spendDeliveryReviewLinks } from "./review-links";

const NOT_EDITABLE = (status: keyof typeof deliveryStatusLabels) =>
  `This delivery can only be changed while it is being edited: it is ${deliveryStatusLabels[status].toLowerCase()} now.`;

/** The UPDATE is guarded on Being edited: a submit or a stop that lands first wins. */
async function saveWhileEdited(tx: Tx, deliveryId: string, set: Partial<typeof deliveries.$inferInsert>) {
  const [row] = await tx
    .update(deliveries)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(deliveries.id, deliveryId), eq(deliveries.status, "being_edited")))
    .returning({ id: deliveries.id, status: deliveries.status });
  if (!row) {
    const now = await tx.query.deliveries.findFirst({ where: eq(deliveries.id, deliveryId), columns: { status: true } });
    throw new AppError("conflict", NOT_EDITABLE(now?.status ?? "being_edited"));
  }
  return row;
}

/**
 * The central editor (§7): message, approvals with their reviewers, deadline and reminders,
 * contact date and throttle. Every check runs before the write, so a refusal saves nothing.
 */
export async function updateDeliverySettings(tx: Tx, v: DeliverySettingsValues, now = new Date()) {
  const { delivery } = await loadDelivery(tx, v.deliveryId, { kind: "central" }, { lock: true });
  if (delivery.status !== "being_edited") throw new AppError("conflict", NOT_EDITABLE(delivery.status));
  const errors: Record<string, string> = {};
  const reviewerIds = [...new Set(v.reviewerIds)];
  if (reviewerIds.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, reviewerIds), eq(users.role, "central"), isNull(users.disabledAt)));
    if (found.length !== reviewerIds.length) errors.reviewerIds = "Reviewers must be active central operators.";
  }
  const scheduledAt = v.scheduledAt ? new Date(`${v.scheduledAt}Z`) : null;
  // An unchanged date may stay in the past (the delivery then starts as soon as it is reached).
  const sameDate = scheduledAt?.getTime() === delivery.scheduledAt?.getTime();
  if (scheduledAt && !sameDate && scheduledAt < now) errors.scheduledAt = "Choose a date and time in the future, or leave it empty.";
  if (Object.keys(errors).length) throw new AppError("invalid_input", errorMessages.invalid_input, errors);
  return saveWhileEdited(tx, delivery.id, {
    subject: v.subject,
    body: v.body,
    approvalKinds: v.approvalKinds,
    reviewerIds,
    approvalDays: v.approvalDays,
    reminderHours: [...v.reminderHours].sort((a, b) => b - a),
    scheduledAt,
    ratePerSecond: v.ratePerSecond,
  });
}

/** The entity's editor: the message of its own campaign's delivery, if the template lets it. */
export async function updateDeliveryContent(tx: Tx, entityId: string, v: { deliveryId: string; subject: string; body: string }) {
  const { delivery, campaign } = await loadDelivery(tx, v.deliveryId, { kind: "entity", entityId }, { lock: true });
  if (!(await entityMayEditContent(tx, campaign.templateId))) {
    throw new AppError("forbidden", "Set by the central team: this campaign's template does not let your entity change the message.");
  }
  if (delivery.status !== "being_edited") throw new AppError("conflict", NOT_EDITABLE(delivery.status));
  return saveWhileEdited(tx, delivery.id, { subject: v.subject, body: v.body });
}

/**
 * **Submit for approval** (§7): Being edited → To validate, with one approval per required kind,
 * each due in `approvalDays` by the database clock (rows of an earlier, rejected round are reset).
 * With no kind required, the delivery is approved at once: Pending confirmation.
 * deliveryMgt emails the reviewers on its next run.
 */
export async function submitDelivery(tx: Tx, scope: DeliveryScope, deliveryId: string) {
  const { delivery } = await loadDelivery(tx, deliveryId, scope, { lock: true });
  if (delivery.status !== "being_edited") throw new AppError("conflict", NOT_EDITABLE(delivery.status));
  if (!delivery.subject.trim() || !delivery.body.trim()) throw new AppError("invalid_input", "Write the subject and the message, and save them, before submitting.");
  const kinds = [...new Set(delivery.approvalKinds)];
  const status = kinds.length ? ("to_validate" as const) : ("pending_confirmation" as const);
  await saveWhileEdited(tx, delivery.id, { status });
  await tx
    .delete(deliveryApprovals)
    .where(and(eq(deliveryApprovals.deliveryId, delivery.id), kinds.length ? notInArray(deliveryApprovals.kind, kinds) : undefined));
  if (kinds.length) {
    const deadline = sql`now() + make_interval(days => ${delivery.approvalDays})`;
    const reset = { status: "pending" as const, deadline, notifiedAt: null, remindedAt: null, comment: "", decidedById: null, decidedAt: null };
    await tx
      .insert(deliveryApprovals)
      .values(kinds.map((kind) => ({ deliveryId: delivery.id, kind, ...reset })))
      .onConflictDoUpdate({ target: [deliveryApprovals.deliveryId, deliveryApprovals.kind], set: reset });
    // Links of the earlier round answer nothing any more.
    await spendDeliveryReviewLinks(tx, delivery.id);
    // The reviewers hear of it on deliveryMgt's next run; ask for one now rather than in a minute.
    await runDeliveryMgtSoon(tx);
  } else if (delivery.reachedAt) {
    await runDeliveryMgtSoon(tx);
  }
  return { id: delivery.id, status };
}
