import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaignTemplates, campaigns, entities, orders, packages, type OrderStatus } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { listOrderDocuments } from "./files";
import { describeParameters } from "./notify";
import { orderFieldsApply } from "./orderability";
import { offsetOf, orderBy } from "@/lib/tables/sql";

export const orderSortable = ["createdAt", "label", "entity", "package", "status"] as const;
export type OrderSort = (typeof orderSortable)[number];

/** Every order of every entity, for central operators, filtered by package, entity and status. */
export async function listAllOrders(db: DbOrTx, query: TableQuery<OrderSort> & { packageId?: string; entityId?: string; status?: OrderStatus }) {
  const filters: SQL[] = [];
  if (query.q) filters.push(or(ilike(orders.label, likePattern(query.q)), ilike(packages.label, likePattern(query.q)))!);
  if (query.packageId) filters.push(eq(orders.packageId, query.packageId));
  if (query.entityId) filters.push(eq(orders.entityId, query.entityId));
  if (query.status) filters.push(eq(orders.status, query.status));
  const where = filters.length ? and(...filters) : undefined;
  const column = { createdAt: orders.createdAt, label: orders.label, entity: entities.label, package: packages.label, status: orders.status }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: orders.id, label: orders.label, status: orders.status, createdAt: orders.createdAt, entity: entities.label, package: packages.label, packageId: packages.id })
      .from(orders)
      .innerJoin(entities, eq(entities.id, orders.entityId))
      .innerJoin(packages, eq(packages.id, orders.packageId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(orders.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(orders)
      .innerJoin(entities, eq(entities.id, orders.entityId))
      .innerJoin(packages, eq(packages.id, orders.packageId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type OrderRow = Awaited<ReturnType<typeof listAllOrders>>["rows"][number];

export async function getOrderForCentral(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      o: orders,
      entity: entities.label,
      package: packages.label,
      packageId: packages.id,
      kind: packages.kind,
      collaborativeType: campaignTemplates.collaborativeType,
      templateFields: campaignTemplates.personalizationFields,
    })
    .from(orders)
    .innerJoin(entities, eq(entities.id, orders.entityId))
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .innerJoin(campaigns, eq(campaigns.id, packages.referenceCampaignId))
    .leftJoin(campaignTemplates, eq(campaignTemplates.id, campaigns.templateId))
    .where(eq(orders.id, id));
  if (!row) return null;
  const fields = orderFieldsApply(row) ? (row.templateFields ?? []) : [];
  return { ...row, parameters: describeParameters(fields, row.o.parameters), documents: await listOrderDocuments(db, id) };
}
