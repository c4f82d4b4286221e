import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { dataDistributionRows, dataDistributions } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import type { DistributionInput, distributionTypes } from "./schemas";

export const distributionSortable = ["label", "field", "type", "createdAt"] as const;
export type DistributionSort = (typeof distributionSortable)[number];
export type DistributionType = (typeof distributionTypes)[number];

export async function listDistributions(db: DbOrTx, query: TableQuery<DistributionSort> & { type?: DistributionType }) {
  const filters: SQL[] = [];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(dataDistributions.label, p), ilike(dataDistributions.field, p))!);
  }
  if (query.type) filters.push(eq(dataDistributions.type, query.type));
  const where = filters.length ? and(...filters) : undefined;
  const column = { label: dataDistributions.label, field: dataDistributions.field, type: dataDistributions.type, createdAt: dataDistributions.createdAt }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: dataDistributions.id,
        label: dataDistributions.label,
        field: dataDistributions.field,
        type: dataDistributions.type,
        approveTargeted: dataDistributions.approveTargeted,
        rows: sql<number>`(select count(*)::int from ${dataDistributionRows} r where r.distribution_id = "data_distributions"."id")`,
        createdAt: dataDistributions.createdAt,
      })
      .from(dataDistributions)
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(dataDistributions.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(dataDistributions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type DistributionRow = Awaited<ReturnType<typeof listDistributions>>["rows"][number];

export async function getDistributionForEdit(db: DbOrTx, id: string) {
  const distribution = await db.query.dataDistributions.findFirst({ where: eq(dataDistributions.id, id) });
  if (!distribution) return null;
  const rows = await db
    .select()
    .from(dataDistributionRows)
    .where(eq(dataDistributionRows.distributionId, id))
    .orderBy(asc(dataDistributionRows.position), asc(dataDistributionRows.id));
  const values: DistributionInput = {
    label: distribution.label,
    field: distribution.field,
    type: distribution.type,
    assignment: distribution.assignment,
    approveTargeted: distribution.approveTargeted,
    rows: rows.map((r) => ({ value: r.value, entityId: r.entityId, limit: r.limit, label: r.label })),
  };
  return { distribution, values };
}
