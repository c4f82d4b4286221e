import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { liveOrderStatuses, orders } from "@/db/schema";
import { AppError } from "@/lib/errors";

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

/** "Delete" for a central operator cancels the order: its history stays. */
export async function deleteOrder(tx: Tx, input: { orderId: string; comment: string }) {
  const [row] = await tx
    .update(orders)
    .set({ status: "canceled", statusComment: input.comment, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(orders.id, input.orderId), inArray(orders.status, liveOrderStatuses)))
    .returning({ id: orders.id });
  if (!row) throw await refusal(tx, input.orderId);
  return { id: row.id };
}

async function refusal(tx: Tx, orderId: string) {
  const current = await tx.query.orders.findFirst({ where: eq(orders.id, orderId), columns: { status: true } });
  return current ? new AppError("conflict", `This order is ${current.status} now and can no longer be changed.`) : new AppError("not_found");
}
