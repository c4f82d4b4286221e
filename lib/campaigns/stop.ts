import { and, inArray, notInArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaigns, deliveries, workflows } from "@/db/schema";

/**
 * Cancels campaigns and stops what runs in them: their workflows and unfinished deliveries.
 * Used by a collaborative package's cancellation (the reference and its child campaigns) and by
 * an entity rejecting a subscription whose child campaign already exists.
 */
export async function cancelCampaigns(tx: Tx, campaignIds: string[]) {
  if (!campaignIds.length) return;
  await tx.update(campaigns).set({ status: "canceled" }).where(and(inArray(campaigns.id, campaignIds), notInArray(campaigns.status, ["finished", "canceled"])));
  await tx
    .update(workflows)
    .set({ status: "stopped", updatedAt: sql`now()` })
    .where(and(inArray(workflows.campaignId, campaignIds), notInArray(workflows.status, ["finished", "stopped"])));
  await tx
    .update(deliveries)
    .set({ status: "stopped", updatedAt: sql`now()` })
    .where(and(inArray(deliveries.campaignId, campaignIds), notInArray(deliveries.status, ["finished", "stopped", "canceled"])));
}
