import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaigns, orderDocuments, orders, packages, type OrderStatus } from "@/db/schema";
import type { Actor, Membership } from "@/lib/auth/actor";
import { cancelCampaigns } from "@/lib/campaigns/stop";
import { AppError } from "@/lib/errors";
import { consumeActionToken } from "@/lib/links/tokens";
import { removeOrderDocuments, storeOrderFiles } from "./files";
import { spendEntityOrderLinks, spendOrderReviewLinks } from "./notify";
import { packageWithTemplate } from "./orderability";
import { parseDetails } from "./place";

type ChangePolicy = { approvalMode: "manual" | "automatic"; registrationDeadline: Date | null; endAt: Date };

/**
 * What the entity may still change (§4). A manual order: until it is approved. An automatic one
 * (pre-subscribed, Approved from the start and Available at the availability date, usually at
 * once): until the registration deadline, or the end of the offer when there is none, whether or
 * not it is Available yet — the subscription is the entity's to change or reject without approval.
 */
export function entityMayChange(order: { status: OrderStatus }, pkg: ChangePolicy, now = new Date()): boolean {
  if (pkg.approvalMode === "manual") return order.status === "ordered";
  return (order.status === "approved" || order.status === "available") && now < (pkg.registrationDeadline ?? pkg.endAt);
}

/** Why the entity can no longer change the order: the words the page and the action share. */
export function changeRefusal(order: { status: OrderStatus }, pkg: ChangePolicy): string {
  if (order.status === "rejected" || order.status === "canceled") return "This order is closed and can no longer be changed.";
  if (pkg.approvalMode === "automatic") return "The registration period is over: ask the central team to change or cancel this subscription.";
  return "This order is approved: ask the central team to change or cancel it.";
}

async function lockOwnOrder(tx: Tx, entityId: string, orderId: string) {
  const [row] = await tx
    .select({ order: orders, policy: { approvalMode: packages.approvalMode, registrationDeadline: packages.registrationDeadline, endAt: packages.endAt } })
    .from(orders)
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .where(and(eq(orders.id, orderId), eq(orders.entityId, entityId)))
    .for("update", { of: orders });
  // Another entity's order answers exactly like a missing one.
  if (!row) throw new AppError("not_found");
  if (!entityMayChange(row.order, row.policy)) throw new AppError("conflict", changeRefusal(row.order, row.policy));
  return row.order;
}

type RawDetails = { label: unknown; comment: unknown; parameters: Record<string, unknown>; reviewerIds: unknown; documents: unknown };

export async function editOwnOrder(tx: Tx, entity: Membership, input: { orderId: string; removeDocumentIds: string[] } & RawDetails) {
  const order = await lockOwnOrder(tx, entity.id, input.orderId);
  const found = await packageWithTemplate(tx, order.packageId);
  if (!found) throw new AppError("not_found");
  const docs = await tx.select({ id: orderDocuments.id, fieldName: orderDocuments.fieldName }).from(orderDocuments).where(eq(orderDocuments.orderId, order.id));
  const general = docs.filter((d) => d.fieldName === null);
  const removing = general.filter((d) => input.removeDocumentIds.includes(d.id)).length;
  const details = await parseDetails(tx, entity.id, found.limits, input, {
    filesOnOrder: docs.flatMap((d) => (d.fieldName ? [d.fieldName] : [])),
    documentsOnOrder: general.length - removing,
  });
  await removeOrderDocuments(tx, order.id, input.removeDocumentIds);
  const values = await storeOrderFiles(tx, order.id, details.parameters, details.documents);
  // A file field left empty keeps the file already attached.
  const parameters = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null && order.parameters[k] && docs.some((d) => d.fieldName === k) ? order.parameters[k]! : v]));
  await tx
    .update(orders)
    .set({ label: details.label, comment: details.comment, parameters, reviewerIds: details.reviewerIds, updatedAt: sql`now()` })
    .where(eq(orders.id, order.id));
  // An Available subscription's child campaign runs on the order's values: it follows them.
  if (order.campaignId) await tx.update(campaigns).set({ personalization: parameters }).where(eq(campaigns.id, order.campaignId));
  return { id: order.id };
}

/** Cancel (manual, before approval) or Reject the subscription (automatic). */
export async function cancelOwnOrder(tx: Tx, actor: Actor, entity: Membership, input: { orderId: string; comment: string }) {
  const order = await lockOwnOrder(tx, entity.id, input.orderId);
  await tx
    .update(orders)
    .set({ status: "canceled", statusComment: input.comment || null, decidedById: actor.userId, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(orders.id, order.id));
  await spendOrderReviewLinks(tx, order.id);
  await spendEntityOrderLinks(tx, order.id);
  // A rejected subscription takes its child campaign with it.
  if (order.campaignId) await cancelCampaigns(tx, [order.campaignId]);
  return { id: order.id, status: "canceled" as const };
}

/** The "Reject the subscription" email link: for the person it was sent to, in the entity it names. */
export async function rejectSubscriptionFromLink(tx: Tx, actor: Actor, input: { token: string }) {
  const token = await consumeActionToken(tx, input.token, "subscription_reject");
  if (!token?.subjectId || !token.entityId) throw new AppError("link_invalid");
  const entity = actor.memberships.find((m) => m.id === token.entityId);
  if (token.userId !== actor.userId || !entity) throw new AppError("link_invalid", "This link was sent to someone else. Sign in as that person, or use your portal.");
  const found = await tx.query.orders.findFirst({ where: and(eq(orders.id, token.subjectId), eq(orders.entityId, entity.id)), columns: { id: true } });
  if (!found) throw new AppError("link_invalid");
  return { ...(await cancelOwnOrder(tx, actor, entity, { orderId: found.id, comment: "Subscription rejected from the email link." })), entity: entity.internalName };
}
