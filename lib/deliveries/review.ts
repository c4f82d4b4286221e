import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { deliveries, deliveryApprovals } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { consumeActionToken } from "@/lib/links/tokens";
import { runDeliveryMgtSoon } from "@/lib/technical/task";
import { loadDelivery, mayReviewDelivery } from "./access";
import { approvalKindLabels, deliveryStatusLabels } from "./labels";
import { spendDeliveryReviewLinks } from "./review-links";
import type { ApprovalKind } from "./schemas";

type Decision = { kind: ApprovalKind; decision: "accept" | "reject"; comment: string };

/**
 * Accept or reject approvals of a delivery (§7). The delivery row is locked first, so answers to
 * its different kinds run one after the other and the last approval sees all the others; each
 * approval's UPDATE is guarded on Waiting, so of two answers to one kind the first wins.
 * All approved → Pending confirmation; one rejected → Being edited, its comment on the page.
 */
export async function reviewDelivery(tx: Tx, actor: Actor, deliveryId: string, decisions: Decision[]) {
  const { delivery } = await loadDelivery(tx, deliveryId, { kind: "central" }, { lock: true });
  if (!(await mayReviewDelivery(tx, actor, delivery.reviewerIds))) {
    throw new AppError("forbidden", "Only the delivery's reviewers can accept or reject its approvals.");
  }
  if (delivery.status !== "to_validate") {
    throw new AppError("conflict", `This delivery no longer waits for approval: it is ${deliveryStatusLabels[delivery.status].toLowerCase()} now.`);
  }
  for (const d of decisions) {
    const [row] = await tx
      .update(deliveryApprovals)
      .set({ status: d.decision === "accept" ? "approved" : "rejected", comment: d.comment, decidedById: actor.userId, decidedAt: sql`now()` })
      .where(and(eq(deliveryApprovals.deliveryId, delivery.id), eq(deliveryApprovals.kind, d.kind), eq(deliveryApprovals.status, "pending")))
      .returning({ id: deliveryApprovals.id });
    if (!row) throw new AppError("conflict", `The ${approvalKindLabels[d.kind].toLowerCase()} approval no longer waits for an answer: someone answered first, or it is not required. Reload to see it.`);
  }
  const rows = await tx.select({ status: deliveryApprovals.status }).from(deliveryApprovals).where(eq(deliveryApprovals.deliveryId, delivery.id));
  const rejected = rows.some((r) => r.status === "rejected");
  const done = rejected || rows.every((r) => r.status === "approved");
  if (!done) return { id: delivery.id, status: "to_validate" as const };
  const status = rejected ? ("being_edited" as const) : ("pending_confirmation" as const);
  await tx.update(deliveries).set({ status, updatedAt: sql`now()` }).where(and(eq(deliveries.id, delivery.id), eq(deliveries.status, "to_validate")));
  await spendDeliveryReviewLinks(tx, delivery.id);
  // Approved after the workflow reached it: deliveryMgt may start it now rather than at its next slot.
  if (!rejected && delivery.reachedAt) await runDeliveryMgtSoon(tx);
  return { id: delivery.id, status };
}

/** The **Accept or reject** email link: spent once, by the reviewer it was made for. */
export async function reviewDeliveryFromLink(tx: Tx, actor: Actor, input: { token: string; decisions: Decision[] }) {
  const token = await consumeActionToken(tx, input.token, "delivery_review");
  if (!token?.subjectId) throw new AppError("link_invalid");
  if (token.userId !== actor.userId) throw new AppError("link_invalid", "This link was sent to another reviewer. Sign in as that person, or open the delivery in the admin area.");
  return reviewDelivery(tx, actor, token.subjectId, input.decisions);
}

/** The approvals still waiting, for the link page's form. */
export async function pendingApprovalKinds(db: DbOrTx, deliveryId: string): Promise<ApprovalKind[]> {
  const rows = await db
    .select({ kind: deliveryApprovals.kind })
    .from(deliveryApprovals)
    .innerJoin(deliveries, eq(deliveries.id, deliveryApprovals.deliveryId))
    .where(and(eq(deliveryApprovals.deliveryId, deliveryId), eq(deliveryApprovals.status, "pending"), eq(deliveries.status, "to_validate")))
    .orderBy(deliveryApprovals.kind);
  return rows.map((r) => r.kind);
}
