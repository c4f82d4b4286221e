import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { campaigns, liveOrderStatuses, orders, packageAudience, packageCascades, packages } from "@/db/schema";
import { queueFanout } from "@/lib/notifications/fanout";
import { formatDateTime } from "@/lib/utils";
import { cancelCampaigns } from "@/lib/campaigns/stop";
import { recipientPeopleSql } from "./recipients";

/**
 * The collaborative cancellation cascade, in one transaction: all of it commits or none of it.
 * The cascade row is locked and marked finished at the end, so a replay finds it done and
 * changes nothing; email event keys make a second queueing a no-op as well. Every step is one
 * set-based statement: recipients, links and outbox rows never leave the database.
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

    // Counted, not returned: 10,000 order ids would only travel to be counted.
    const canceled = await tx.execute(sql`
      update ${orders} set status = 'canceled', status_comment = ${pkg.cancelComment}, status_changed_at = now(), updated_at = now()
      where ${and(eq(orders.packageId, pkg.id), inArray(orders.status, liveOrderStatuses))}`);
    // The reference campaign and every child campaign made from it (by campaign) stop together.
    const children = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.parentCampaignId, pkg.referenceCampaignId));
    await cancelCampaigns(tx, [pkg.referenceCampaignId, ...children.map((c) => c.id)]);

    // Concerned: every entity of the audience and every entity that ever ordered it. One email per
    // entity, addressed to its whole notification group, so its link is made for the entity (any of
    // its operators) rather than for one person: the group's first address, no user.
    const concerned = sql`e.id in (select entity_id from ${packageAudience} where package_id = ${pkg.id} union select entity_id from ${orders} where package_id = ${pkg.id})`;
    const notified = await queueFanout(tx, {
      template: "package_canceled",
      common: { packageLabel: pkg.label, canceledOn: formatDateTime(pkg.statusChangedAt), comment: pkg.cancelComment ?? "" },
      perRecipient: ["entityLabel", "url"],
      links: [{ key: "url", purpose: "package_offer" }],
      recipients: sql`
        select ${`package:${pkg.id}:cancel:${params.revision}:`}::text || p.entity_id as event_key, string_agg(p.email, ', ' order by p.email) as recipient,
          p.entity_id, jsonb_build_object('entityLabel', p.label) as fields,
          min(p.email) as link_email, null::uuid as link_user_id, p.entity_id as link_entity_id, ${pkg.id}::uuid as link_subject_id
        from (${recipientPeopleSql(concerned)}) p
        group by p.entity_id, p.label`,
    });
    await tx
      .update(packageCascades)
      .set({ finishedAt: sql`now()`, ordersCanceled: canceled.count, entitiesNotified: notified })
      .where(and(eq(packageCascades.packageId, pkg.id), eq(packageCascades.revision, params.revision)));
    return { ran: true, ordersCanceled: canceled.count, entitiesNotified: notified };
  });
}
