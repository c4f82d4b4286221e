import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaignTemplates, campaigns, entities, orders, packageCascades, packageJournal, packages } from "@/db/schema";

/** Everything the package dashboard shows, read in parallel. */
export async function getPackageDashboard(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ p: packages, reference: campaigns.label, referenceId: campaigns.id, collaborativeType: campaignTemplates.collaborativeType })
    .from(packages)
    .innerJoin(campaigns, eq(campaigns.id, packages.referenceCampaignId))
    .leftJoin(campaignTemplates, eq(campaignTemplates.id, campaigns.templateId))
    .where(eq(packages.id, id));
  if (!row) return null;
  const [ordersByEntity, journal, [cascade], children] = await Promise.all([
    db
      .select({ id: orders.id, entity: entities.label, label: orders.label, status: orders.status, at: orders.statusChangedAt })
      .from(orders)
      .innerJoin(entities, eq(entities.id, orders.entityId))
      .where(eq(orders.packageId, id))
      .orderBy(asc(entities.label), desc(orders.createdAt))
      .limit(500),
    db.select().from(packageJournal).where(eq(packageJournal.packageId, id)).orderBy(desc(packageJournal.at)).limit(200),
    db.select().from(packageCascades).where(eq(packageCascades.packageId, id)).orderBy(desc(packageCascades.revision)).limit(1),
    row.collaborativeType === "by_campaign"
      ? db
          .select({ id: campaigns.id, label: campaigns.label, status: campaigns.status, entity: entities.label })
          .from(campaigns)
          .innerJoin(entities, eq(entities.id, campaigns.entityId))
          .where(eq(campaigns.parentCampaignId, row.referenceId))
          .orderBy(asc(entities.label))
          .limit(500)
      : Promise.resolve(null),
  ]);
  const [totals] = await db
    .select({ n: count(), live: sql<number>`count(*) filter (where ${orders.status} in ('ordered','approved','available'))::int` })
    .from(orders)
    .where(and(eq(orders.packageId, id)));
  return { ...row, orders: ordersByEntity, orderTotals: totals!, journal, cascade: cascade ?? null, children };
}
export type PackageDashboard = NonNullable<Awaited<ReturnType<typeof getPackageDashboard>>>;
