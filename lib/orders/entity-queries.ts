import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { campaignTemplates, campaigns, entities, orderDocuments, orders, orderStatuses, packages, users, type OrderStatus, type PersonalizationField } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { orderFieldsApply } from "./orderability";

// The entity's side of the orders (§4): every query here is scoped to one entity, so that an
// operator of one entity never reads another's orders, whatever id the URL carries.

export const entityOrderSortable = ["createdAt", "label", "package", "status"] as const;
export type EntityOrderSort = (typeof entityOrderSortable)[number];

/** **My orders**: the entity's orders, filtered by status and by text on the order or package label. */
export async function listEntityOrders(db: DbOrTx, entityId: string, query: TableQuery<EntityOrderSort> & { status?: OrderStatus }) {
  const filters: SQL[] = [eq(orders.entityId, entityId)];
  if (query.q) filters.push(or(ilike(orders.label, likePattern(query.q)), ilike(packages.label, likePattern(query.q)))!);
  if (query.status) filters.push(eq(orders.status, query.status));
  const where = and(...filters);
  const column = { createdAt: orders.createdAt, label: orders.label, package: packages.label, status: orders.status }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: orders.id, label: orders.label, status: orders.status, createdAt: orders.createdAt, package: packages.label, packageId: packages.id })
      .from(orders)
      .innerJoin(packages, eq(packages.id, orders.packageId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(orders.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(orders).innerJoin(packages, eq(packages.id, orders.packageId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type EntityOrderRow = Awaited<ReturnType<typeof listEntityOrders>>["rows"][number];

/** How many of the entity's orders are in each status (every status present, zero when none). */
export async function statusCountsForEntity(db: DbOrTx, entityId: string): Promise<Record<OrderStatus, number>> {
  const rows = await db.select({ status: orders.status, n: count() }).from(orders).where(eq(orders.entityId, entityId)).groupBy(orders.status);
  const counts = Object.fromEntries(orderStatuses.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

const decidedBy = alias(users, "decided_by");
const createdBy = alias(users, "created_by");
const reference = alias(campaigns, "reference_campaign");

/**
 * One order of the entity, with what its page shows: the package, the personalization fields the
 * entity filled in (none unless the package takes them), who ordered and who decided, and the
 * entity's campaign once there is one. Null when the order is not this entity's.
 */
export async function getEntityOrder(db: DbOrTx, entityId: string, orderId: string) {
  const [row] = await db
    .select({
      order: orders,
      entity: { id: entities.id, label: entities.label, internalName: entities.internalName },
      pkg: { id: packages.id, label: packages.label, kind: packages.kind, approvalMode: packages.approvalMode, registrationDeadline: packages.registrationDeadline, endAt: packages.endAt },
      collaborativeType: campaignTemplates.collaborativeType,
      fields: campaignTemplates.personalizationFields,
      decidedBy: decidedBy.name,
      createdBy: createdBy.name,
      campaign: { id: campaigns.id, label: campaigns.label },
    })
    .from(orders)
    .innerJoin(entities, eq(entities.id, orders.entityId))
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .innerJoin(reference, eq(reference.id, packages.referenceCampaignId))
    .leftJoin(campaignTemplates, eq(campaignTemplates.id, reference.templateId))
    .leftJoin(decidedBy, eq(decidedBy.id, orders.decidedById))
    .leftJoin(createdBy, eq(createdBy.id, orders.createdById))
    // Only the entity's own campaign: a campaign id pointing elsewhere is not shown.
    .leftJoin(campaigns, and(eq(campaigns.id, orders.campaignId), eq(campaigns.entityId, orders.entityId)))
    .where(and(eq(orders.id, orderId), eq(orders.entityId, entityId)));
  if (!row) return null;
  const { collaborativeType, fields, ...rest } = row;
  const applies = orderFieldsApply({ kind: row.pkg.kind, collaborativeType });
  return { ...rest, fields: applies ? ((fields ?? []) as PersonalizationField[]) : [], campaign: row.campaign?.id ? row.campaign : null };
}
export type EntityOrder = NonNullable<Awaited<ReturnType<typeof getEntityOrder>>>;

/** A document of one of the entity's orders, for download; null for anyone else's. */
export async function getEntityOrderDocument(db: DbOrTx, entityId: string, orderId: string, documentId: string) {
  const [doc] = await db
    .select({ fileName: orderDocuments.fileName, data: orderDocuments.data })
    .from(orderDocuments)
    .innerJoin(orders, eq(orders.id, orderDocuments.orderId))
    .where(and(eq(orderDocuments.id, documentId), eq(orderDocuments.orderId, orderId), eq(orders.entityId, entityId)));
  return doc ?? null;
}
