import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaigns, deliveries, deliveryApprovals } from "@/db/schema";
import { createActionTokens } from "@/lib/links/tokens";
import { appUrl } from "@/lib/links/urls";
import { queueNotifications } from "@/lib/notifications/queue";
import { uuidArray } from "@/lib/sql-arrays";
import { formatDateTime } from "@/lib/utils";
import { deliveryReviewers } from "./access";
import { approvalKindLabels } from "./labels";
import type { ApprovalKind } from "./schemas";

type Due = { id: string; deliveryId: string; kind: ApprovalKind; deadline: Date; hours: number | null };

/**
 * deliveryMgt's approval emails (§5, §7), in bounded batches:
 * - each approval still waiting and not yet notified: one [Delivery approval] email per reviewer
 *   and delivery, listing the kinds to approve, with an **Accept or reject** link made for them;
 * - reminders: for a reminder hour h, once the database clock passes deadline − h and the
 *   approval was last emailed before that moment, one more email (the latest point passed only,
 *   so a late run does not send a burst), never once the approval is answered or the delivery
 *   has left To validate.
 * A rerun sends nothing new: notifiedAt / remindedAt move in this transaction, and the outbox's
 * event keys (the round's deadline, the reminder point, the reviewer) refuse a second email.
 * Returns the number of emails queued. `deliveryIds` limits the run to those deliveries.
 */
export async function notifyDeliveryApprovals(tx: Tx, opts: { limit?: number; deliveryIds?: string[] } = {}): Promise<{ notified: number; reminded: number }> {
  const limit = opts.limit ?? 500;
  const only = opts.deliveryIds ? sql`and a.delivery_id = any(${uuidArray(opts.deliveryIds)})` : sql``;
  const a = deliveryApprovals;
  const fresh = await tx
    .select({ id: a.id, deliveryId: a.deliveryId, kind: a.kind, deadline: a.deadline })
    .from(a)
    .innerJoin(deliveries, eq(deliveries.id, a.deliveryId))
    .where(and(eq(a.status, "pending"), isNull(a.notifiedAt), eq(deliveries.status, "to_validate"), opts.deliveryIds ? inArray(a.deliveryId, opts.deliveryIds) : undefined))
    .orderBy(a.deadline, a.id)
    .limit(limit)
    .for("update", { of: a, skipLocked: true });
  const notified = await emailReviewers(tx, fresh.map((r) => ({ ...r, hours: null })));
  if (fresh.length) await tx.update(a).set({ notifiedAt: sql`now()` }).where(inArray(a.id, fresh.map((r) => r.id)));

  // The latest reminder point passed since the last email, per waiting approval.
  const due = await tx.execute<{ id: string; delivery_id: string; kind: ApprovalKind; deadline: string; hours: number }>(sql`
    select a.id, a.delivery_id, a.kind, a.deadline, p.h as hours
    from delivery_approvals a
    join deliveries d on d.id = a.delivery_id
    cross join lateral (
      select h from unnest(d.reminder_hours) as h
      where a.deadline - make_interval(hours => h) <= now()
        and a.deadline - make_interval(hours => h) > coalesce(a.reminded_at, a.notified_at)
      order by h limit 1
    ) p
    where a.status = 'pending' and a.notified_at is not null and d.status = 'to_validate' ${only}
    order by a.deadline, a.id
    limit ${limit}
    for update of a skip locked`);
  const reminders: Due[] = due.map((r) => ({ id: r.id, deliveryId: r.delivery_id, kind: r.kind, deadline: new Date(r.deadline), hours: r.hours }));
  const reminded = await emailReviewers(tx, reminders);
  if (reminders.length) await tx.update(a).set({ remindedAt: sql`now()` }).where(inArray(a.id, reminders.map((r) => r.id)));
  return { notified, reminded };
}

/** One email per reviewer and (delivery, round, reminder point), naming the kinds it covers. */
async function emailReviewers(tx: Tx, rows: Due[]): Promise<number> {
  if (!rows.length) return 0;
  const groups = new Map<string, Due[]>();
  for (const r of rows) {
    const key = `${r.deliveryId}:${r.deadline.getTime()}:${r.hours ?? "open"}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const info = new Map(
    (
      await tx
        .select({ id: deliveries.id, label: deliveries.label, reviewerIds: deliveries.reviewerIds, entityId: campaigns.entityId, campaignLabel: campaigns.label })
        .from(deliveries)
        .innerJoin(campaigns, eq(campaigns.id, deliveries.campaignId))
        .where(inArray(deliveries.id, [...new Set(rows.map((r) => r.deliveryId))]))
    ).map((d) => [d.id, d]),
  );
  let queued = 0;
  for (const group of groups.values()) {
    const { deliveryId, deadline, hours } = group[0]!;
    const d = info.get(deliveryId)!;
    const reviewers = await deliveryReviewers(tx, d.reviewerIds);
    const tokens = await createActionTokens(tx, "delivery_review", reviewers.map((r) => ({ email: r.email, userId: r.id, entityId: null, subjectId: deliveryId })));
    const kinds = group.map((g) => g.kind).sort().map((k) => approvalKindLabels[k]);
    const added = await queueNotifications(
      tx,
      reviewers.map((r, i) => ({
        eventKey: `delivery:${deliveryId}:approval:${deadline.getTime()}:${hours === null ? "open" : `remind:${hours}`}:${r.id}`,
        recipient: r.email,
        template: "delivery_approval" as const,
        entityId: d.entityId,
        payload: { deliveryLabel: d.label, campaignLabel: d.campaignLabel, kinds, deadline: formatDateTime(deadline), url: appUrl(`/links/${tokens[i]}`), reminder: hours !== null },
      })),
    );
    queued += added.length;
  }
  return queued;
}
