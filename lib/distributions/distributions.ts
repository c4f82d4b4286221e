import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { dataDistributionRows, dataDistributions, entities } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { DistributionValues } from "./schemas";

/**
 * Creates or updates a data distribution template with its rows, in the caller's transaction.
 * Rows are replaced as a whole: nothing points at a row, and a Split reads them when it runs.
 */
export async function saveDistribution(tx: Tx, values: DistributionValues, id?: string): Promise<string> {
  await assertLocalEntities(tx, values.rows);
  const row = { label: values.label, field: values.field, type: values.type, assignment: values.assignment, approveTargeted: values.approveTargeted };
  let distributionId: string;
  if (id) {
    const [updated] = await tx.update(dataDistributions).set(row).where(eq(dataDistributions.id, id)).returning({ id: dataDistributions.id });
    if (!updated) throw new AppError("not_found");
    distributionId = updated.id;
    await tx.delete(dataDistributionRows).where(eq(dataDistributionRows.distributionId, distributionId));
  } else {
    const [created] = await tx.insert(dataDistributions).values(row).returning({ id: dataDistributions.id });
    distributionId = created!.id;
  }
  await tx.insert(dataDistributionRows).values(
    values.rows.map((r, position) => ({ distributionId, position, value: r.value, entityId: r.entityId, limit: r.limit, label: r.label })),
  );
  return distributionId;
}

/** Each row hands its value to a local entity: the central entity, or a made-up id, is refused on its row. */
async function assertLocalEntities(tx: Tx, rows: DistributionValues["rows"]) {
  const ids = [...new Set(rows.map((r) => r.entityId))];
  const found = new Set(
    (await tx.select({ id: entities.id }).from(entities).where(and(inArray(entities.id, ids), eq(entities.kind, "local")))).map((e) => e.id),
  );
  const fieldErrors: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (!found.has(r.entityId)) fieldErrors[`rows.${i}.entityId`] = "Choose a local entity.";
  });
  if (Object.keys(fieldErrors).length) throw new AppError("invalid_input", undefined, fieldErrors);
}
