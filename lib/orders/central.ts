import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { liveOrderStatuses, orders, packages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { orderStatusLabels } from "./labels";
import { emailEntity, spendEntityOrderLinks, spendOrderReviewLinks } from "./notify";

/** A central operator edits what the entity entered (label and comment) while the order is live. */
export async function editOrderGeneral(tx: Tx, input: { orderId: string; label: string; comment: string }) {
  const [row] = await tx
    .update(orders)
    .set({ label: input.label, comment: input.comment, updatedAt: sql`now()` })
    .where(and(eq(orders.id, input.orderId), inArray(orders.status, liveOrderStatuses)))
    .returning({ id: orders.id });
  if (!row) throw await refusal(tx, input.orderId);
  return { id: row.id };
}

/**
 * "Delete" for a central operator cancels the order: its history stays, its email links stop
 * working, and the entity is told why.
 */
export async function deleteOrder(tx: Tx, actor: Actor, input: { orderId: string; comment: string }) {
  const [row] = await tx
    .update(orders)
    .set({ status: "canceled", statusComment: input.comment, decidedById: actor.userId, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(orders.id, input.orderId), inArray(orders.status, liveOrderStatuses)))
    .returning();
  if (!row) throw await refusal(tx, input.orderId);
  await spendOrderReviewLinks(tx, row.id);
  await spendEntityOrderLinks(tx, row.id);
  const pkg = await tx.query.packages.findFirst({ where: eq(packages.id, row.packageId), columns: { label: true } });
  await emailEntity(tx, row, {
    kind: "order_decision",
    path: `/orders/${row.id}`,
    payload: { decision: "canceled", orderLabel: row.label, packageLabel: pkg?.label ?? "", decidedBy: `${actor.name} (central team)`, comment: input.comment },
  });
  return { id: row.id };
}

async function refusal(tx: Tx, orderId: string) {
  const current = await tx.query.orders.findFirst({ where: eq(orders.id, orderId), columns: { status: true } });
  return current ? new AppError("conflict", `This order is ${orderStatusLabels[current.status]} now and can no longer be changed.`) : new AppError("not_found");
}
