import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { actionTokens } from "@/db/schema";

/**
 * Once a round of approvals is over (all approved, one rejected, the delivery stopped or sent
 * back for a new round), the reviewers' **Accept or reject** links have nothing left to answer.
 */
export async function spendDeliveryReviewLinks(tx: Tx, deliveryId: string) {
  await tx
    .update(actionTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(actionTokens.purpose, "delivery_review"), eq(actionTokens.subjectId, deliveryId), isNull(actionTokens.usedAt)));
}
