import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { costCategories, costStructures, providers, stockLines } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { costTypeList, emailList, type ProviderValues } from "./schemas";

type CategoryValues = ProviderValues["categories"][number];

/**
 * Creates or updates a provider with its cost categories and structures, in the caller's
 * transaction. Categories and structures keep their ids across edits (updated in place, the
 * missing ones deleted), so what later points at them (budget lines, stock lines) survives an edit.
 * An id the form sends that is not this provider's is treated as a new row, never reached.
 */
export async function saveProvider(tx: Tx, values: ProviderValues, id?: string): Promise<string> {
  const row = {
    name: values.name,
    contactEmails: emailList(values.contactEmails),
    exportColumns: values.exportColumns.map((c) => ({ header: c.header, field: c.field })),
    fileNamePattern: values.fileNamePattern,
    notifySubject: values.notifySubject,
    notifyBody: values.notifyBody,
    finishOnSend: values.finishOnSend,
  };
  await checkStockLines(tx, values.categories);
  let providerId: string;
  if (id) {
    const [updated] = await tx.update(providers).set(row).where(eq(providers.id, id)).returning({ id: providers.id });
    if (!updated) throw new AppError("not_found");
    providerId = updated.id;
  } else {
    const [created] = await tx.insert(providers).values(row).returning({ id: providers.id });
    providerId = created!.id;
  }
  await syncCategories(tx, providerId, values.categories);
  return providerId;
}

/** A category's stock line must exist: a stale or forged id is refused on its field, not by the foreign key. */
async function checkStockLines(tx: Tx, categories: CategoryValues[]) {
  const ids = [...new Set(categories.map((c) => c.stockLineId).filter((v): v is string => !!v))];
  if (!ids.length) return;
  const found = new Set((await tx.select({ id: stockLines.id }).from(stockLines).where(inArray(stockLines.id, ids))).map((r) => r.id));
  const fieldErrors: Record<string, string> = {};
  categories.forEach((c, i) => {
    if (c.stockLineId && !found.has(c.stockLineId)) fieldErrors[`categories.${i}.stockLineId`] = "This stock line no longer exists. Choose another one.";
  });
  if (Object.keys(fieldErrors).length) throw new AppError("invalid_input", undefined, fieldErrors);
}

async function syncCategories(tx: Tx, providerId: string, categories: CategoryValues[]) {
  const existing = new Set(
    (await tx.select({ id: costCategories.id }).from(costCategories).where(eq(costCategories.providerId, providerId)).for("update")).map((r) => r.id),
  );
  const kept: string[] = [];
  for (const c of categories) {
    const values = { label: c.label, channel: c.channel, costTypes: costTypeList(c.costTypes), ...(c.stockLineId === undefined ? {} : { stockLineId: c.stockLineId || null }) };
    let categoryId: string;
    if (c.id && existing.has(c.id) && !kept.includes(c.id)) {
      await tx.update(costCategories).set(values).where(and(eq(costCategories.id, c.id), eq(costCategories.providerId, providerId)));
      categoryId = c.id;
    } else {
      const [created] = await tx.insert(costCategories).values({ ...values, providerId }).returning({ id: costCategories.id });
      categoryId = created!.id;
    }
    kept.push(categoryId);
    await syncStructures(tx, categoryId, c.structures);
  }
  // Deleting a category deletes its structures (on delete cascade).
  await tx.delete(costCategories).where(and(eq(costCategories.providerId, providerId), kept.length ? notInArray(costCategories.id, kept) : undefined));
}

async function syncStructures(tx: Tx, categoryId: string, structures: CategoryValues["structures"]) {
  const existing = new Set((await tx.select({ id: costStructures.id }).from(costStructures).where(eq(costStructures.categoryId, categoryId))).map((r) => r.id));
  const kept: string[] = [];
  for (const s of structures) {
    const values = { label: s.label, kind: s.kind, amount: s.amount, batchSize: s.batchSize, tiers: s.tiers };
    if (s.id && existing.has(s.id) && !kept.includes(s.id)) {
      await tx.update(costStructures).set(values).where(and(eq(costStructures.id, s.id), eq(costStructures.categoryId, categoryId)));
      kept.push(s.id);
    } else {
      const [created] = await tx.insert(costStructures).values({ ...values, categoryId }).returning({ id: costStructures.id });
      kept.push(created!.id);
    }
  }
  await tx.delete(costStructures).where(and(eq(costStructures.categoryId, categoryId), kept.length ? notInArray(costStructures.id, kept) : undefined));
}
