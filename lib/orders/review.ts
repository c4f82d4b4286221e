import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { orders, packages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { consumeActionToken } from "@/lib/links/tokens";
import { scheduleAvailability } from "./jobs";
import { orderStatusLabels } from "./labels";
import { emailEntity, spendEntityOrderLinks, spendOrderReviewLinks } from "./notify";
import { mayReviewOrders } from "./reviewers";

type Decision = { orderId: string; decision: "accept" | "reject"; comment: string; seen?: string };

/**
 * Accept or reject an order (§4). The entity's order reviewers decide, or any central operator.
 * The UPDATE is guarded on Ordered: of two reviewers answering at once, the first wins and the
 * second hears what happened.
 */
export async function reviewOrder(tx: Tx, actor: Actor, d: Decision) {
  const current = await tx.query.orders.findFirst({ where: eq(orders.id, d.orderId) });
  if (!current) throw new AppError("not_found");
  if (!(await mayReviewOrders(tx, actor, current.entityId))) {
    // A member of the entity may know the order exists; anyone else learns nothing.
    throw new AppError(actor.memberships.some((m) => m.id === current.entityId) ? "forbidden" : "not_found", "Only the entity's order reviewers can accept or reject its orders.");
  }
  const status = d.decision === "accept" ? ("approved" as const) : ("rejected" as const);
  const [row] = await tx
    .update(orders)
    .set({ status, statusComment: d.comment || null, decidedById: actor.userId, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(orders.id, d.orderId), eq(orders.status, "ordered"), d.seen ? sql`date_trunc('milliseconds', ${orders.updatedAt}) = ${d.seen}::timestamptz` : undefined))
    .returning();
  if (!row && d.seen && current.status === "ordered") {
    const again = await tx.query.orders.findFirst({ where: eq(orders.id, d.orderId), columns: { status: true } });
    if (again?.status === "ordered") throw new AppError("conflict", "The entity changed this order after you opened it: reload to see its current values, then decide.");
  }
  if (!row) {
    // Read again: the other answer may have landed between the first read and this UPDATE.
    const now = await tx.query.orders.findFirst({ where: eq(orders.id, d.orderId), columns: { status: true } });
    throw new AppError("conflict", `This order no longer waits for approval: it is ${orderStatusLabels[now?.status ?? current.status]} now.`);
  }
  await spendOrderReviewLinks(tx, row.id);
  if (status === "rejected") await spendEntityOrderLinks(tx, row.id);
  const pkg = (await tx.query.packages.findFirst({ where: eq(packages.id, row.packageId) }))!;
  await emailEntity(tx, row, {
    kind: "order_decision",
    path: `/orders/${row.id}`,
    payload: { decision: status, orderLabel: row.label, packageLabel: pkg.label, decidedBy: actor.name, comment: d.comment },
  });
  if (status === "approved") await scheduleAvailability(tx, row.id, pkg.availableAt);
  return { id: row.id, status };
}

/** The Accept or reject email link: spent once, by the reviewer it was made for. */
export async function reviewOrderFromLink(tx: Tx, actor: Actor, input: { token: string; decision: "accept" | "reject"; comment: string; seen?: string }) {
  const token = await consumeActionToken(tx, input.token, "order_review");
  if (!token?.subjectId) throw new AppError("link_invalid");
  if (token.userId !== actor.userId) throw new AppError("link_invalid", "This link was sent to another reviewer. Sign in as that person, or use the order screen.");
  return reviewOrder(tx, actor, { orderId: token.subjectId, decision: input.decision, comment: input.comment, seen: input.seen });
}
