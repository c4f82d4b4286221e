import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { deliveryMessages, entities } from "@/db/schema";

export type ReportCounts = {
  targeted: number;
  excluded: number;
  unsubscribed: number;
  bouncedBefore: number;
  pressure: number;
  controlGroup: number;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  opened: number;
  clicked: number;
};

export type DeliveryReport = { totals: ReportCounts; byEntity: (ReportCounts & { entityId: string; entityLabel: string })[] };

const m = deliveryMessages;
const counts = {
  targeted: sql<number>`count(*)::int`,
  excluded: sql<number>`count(*) filter (where ${m.status} = 'excluded')::int`,
  unsubscribed: sql<number>`count(*) filter (where ${m.excludedReason} = 'unsubscribed')::int`,
  bouncedBefore: sql<number>`count(*) filter (where ${m.excludedReason} = 'bounced')::int`,
  pressure: sql<number>`count(*) filter (where ${m.excludedReason} = 'pressure')::int`,
  controlGroup: sql<number>`count(*) filter (where ${m.excludedReason} = 'control_group')::int`,
  queued: sql<number>`count(*) filter (where ${m.status} in ('queued', 'sending'))::int`,
  sent: sql<number>`count(*) filter (where ${m.status} = 'sent')::int`,
  failed: sql<number>`count(*) filter (where ${m.status} = 'failed')::int`,
  bounced: sql<number>`count(*) filter (where ${m.status} = 'bounced')::int`,
  opened: sql<number>`count(*) filter (where ${m.openedAt} is not null)::int`,
  clicked: sql<number>`count(*) filter (where ${m.clickedAt} is not null)::int`,
};

export const emptyCounts: ReportCounts = { targeted: 0, excluded: 0, unsubscribed: 0, bouncedBefore: 0, pressure: 0, controlGroup: 0, queued: 0, sent: 0, failed: 0, bounced: 0, opened: 0, clicked: 0 };

/**
 * The delivery (feedback) report (§6, §7): what happened to every targeted contact, in total and
 * per entity. `entityId` limits it to one entity's rows, for that entity's portal.
 */
export async function deliveryReport(db: DbOrTx, deliveryId: string, scope: { entityId?: string } = {}): Promise<DeliveryReport> {
  const where = and(eq(m.deliveryId, deliveryId), scope.entityId ? eq(m.entityId, scope.entityId) : undefined);
  const byEntity = await db
    .select({ entityId: m.entityId, entityLabel: entities.label, ...counts })
    .from(m)
    .innerJoin(entities, eq(entities.id, m.entityId))
    .where(where)
    .groupBy(m.entityId, entities.label)
    .orderBy(entities.label);
  const totals = byEntity.reduce<ReportCounts>((acc, row) => {
    const next = { ...acc };
    for (const k of Object.keys(emptyCounts) as (keyof ReportCounts)[]) next[k] += row[k];
    return next;
  }, { ...emptyCounts });
  return { totals, byEntity };
}
