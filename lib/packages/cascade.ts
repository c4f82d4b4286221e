import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, liveOrderStatuses, orders, packageAudience, packageCascades, packages } from "@/db/schema";
import { createActionTokens } from "@/lib/links/tokens";
import { appUrl } from "@/lib/links/urls";
import { queueNotifications } from "@/lib/notifications/queue";
import { formatDateTime } from "@/lib/utils";
import { cancelCampaigns } from "@/lib/campaigns/stop";
import { entityRecipients } from "./recipients";

/**
 * The collaborative cancellation cascade, in one transaction: all of it commits or none of it.
 * The cascade row is locked and marked finished at the end, so a replay finds it done and
 * changes nothing; email event keys make a second queueing a no-op as well.
 */
export async function runCancelCascade(db: Db, params: { packageId: string; revision: number }) {
  return db.transaction(async (tx) => {
    const [cascade] = await tx
      .select()
      .from(packageCascades)
      .where(and(eq(packageCascades.packageId, params.packageId), eq(packageCascades.revision, params.revision)))
      .for("update");
    if (!cascade || cascade.finishedAt) return { ran: false, ordersCanceled: 0, entitiesNotified: 0 };
    const pkg = (await tx.query.packages.findFirst({ where: eq(packages.id, params.packageId) }))!;

    const canceled = await tx
      .update(orders)
      .set({ status: "canceled", statusComment: pkg.cancelComment, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(orders.packageId, pkg.id), inArray(orders.status, liveOrderStatuses)))
      .returning({ id: orders.id });
    // The reference campaign and every child campaign made from it (by campaign) stop together.
    const children = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.parentCampaignId, pkg.referenceCampaignId));
    await cancelCampaigns(tx, [pkg.referenceCampaignId, ...children.map((c) => c.id)]);

    // Concerned: every entity of the audience and every entity that ever ordered it.
    const concerned = await tx.execute<{ entity_id: string }>(sql`
      select entity_id from ${packageAudience} where package_id = ${pkg.id}
      union select entity_id from ${orders} where package_id = ${pkg.id}`);
    const recipients = await entityRecipients(tx, [...concerned].map((c) => c.entity_id));
    const canceledOn = formatDateTime(pkg.statusChangedAt);
    // One email per entity, addressed to its whole notification group, so its link is made for
    // the entity (any of its operators) rather than for one person.
    const reached = recipients.filter((r) => r.emails.length);
    const tokens = await createActionTokens(
      tx,
      "package_offer",
      reached.map((r) => ({ email: r.emails[0]!, userId: null, entityId: r.entityId, subjectId: pkg.id })),
    );
    const { length: notified } = await queueNotifications(
      tx,
      reached.map((r, i) => ({
        eventKey: `package:${pkg.id}:cancel:${params.revision}:${r.entityId}`,
        recipient: r.emails.join(", "),
        entityId: r.entityId,
        template: "package_canceled" as const,
        payload: { packageLabel: pkg.label, entityLabel: r.label, canceledOn, comment: pkg.cancelComment ?? "", url: appUrl(`/links/${tokens[i]}`) },
      })),
    );
    await tx
      .update(packageCascades)
      .set({ finishedAt: sql`now()`, ordersCanceled: canceled.length, entitiesNotified: notified })
      .where(and(eq(packageCascades.packageId, pkg.id), eq(packageCascades.revision, params.revision)));
    return { ran: true, ordersCanceled: canceled.length, entitiesNotified: notified };
  });
}
