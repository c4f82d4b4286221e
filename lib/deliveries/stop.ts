import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { deliveries } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { loadDelivery, type DeliveryScope } from "./access";
import { deliveryStatusLabels, stoppableStatuses } from "./labels";
import { spendDeliveryReviewLinks } from "./review-links";

/**
 * **Stop** (§7): one guarded UPDATE from To validate, Pending confirmation, Start pending or In
 * progress. The UPDATE waits for a batch the sender has in flight (it holds a share lock on the
 * row while handing it to SMTP): once the Stop commits, no message of the delivery goes out; the
 * ones already handed over stay sent, the rest stay queued and are never sent.
 */
export async function stopDelivery(tx: Tx, scope: DeliveryScope, deliveryId: string) {
  // The scope check first: another entity's delivery answers like a missing one.
  const { delivery } = await loadDelivery(tx, deliveryId, scope);
  const [row] = await tx
    .update(deliveries)
    .set({ status: "stopped", updatedAt: sql`now()` })
    .where(and(eq(deliveries.id, delivery.id), inArray(deliveries.status, [...stoppableStatuses])))
    .returning({ id: deliveries.id, status: deliveries.status });
  if (!row) {
    const now = await tx.query.deliveries.findFirst({ where: eq(deliveries.id, delivery.id), columns: { status: true } });
    throw new AppError("conflict", `This delivery cannot be stopped: it is ${deliveryStatusLabels[now?.status ?? delivery.status].toLowerCase()}.`);
  }
  await spendDeliveryReviewLinks(tx, delivery.id);
  return row;
}
