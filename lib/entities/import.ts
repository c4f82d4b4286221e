import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { entities } from "@/db/schema";
import { validateImportRows, type RowError } from "./import-rows";

/** Inserts all rows or none: any error in the file is reported by line and nothing is written. Parents may be existing entities or rows earlier or later in the file. */
export async function importEntities(tx: Tx, records: Record<string, string>[]): Promise<{ created: number; errors: RowError[] }> {
  const { rows, errors } = validateImportRows(records);
  const names = rows.map((r) => r.internalName);
  const taken = names.length
    ? await tx.select({ n: entities.internalName }).from(entities).where(inArray(entities.internalName, names))
    : [];
  const takenSet = new Set(taken.map((t) => t.n));
  const inFile = new Set(names);
  const parentNames = [...new Set(rows.map((r) => r.parent).filter((p) => p && !inFile.has(p)))];
  const parents = parentNames.length
    ? await tx.select({ id: entities.id, n: entities.internalName, kind: entities.kind }).from(entities).where(inArray(entities.internalName, parentNames))
    : [];
  const parentIds = new Map(parents.filter((p) => p.kind === "local").map((p) => [p.n, p.id]));
  rows.forEach((r) => {
    const line = r.line;
    if (takenSet.has(r.internalName)) errors.push({ row: line, field: "internalName", message: "An entity with this internal name already exists." });
    if (r.parent && !inFile.has(r.parent) && !parentIds.has(r.parent)) {
      errors.push({ row: line, field: "parent", message: `No local entity is named "${r.parent}".` });
    }
    if (r.parent === r.internalName) errors.push({ row: line, field: "parent", message: "An entity cannot be its own parent." });
  });
  // Parents named within the file must form a tree: follow each chain and stop at a repeat.
  const parentInFile = new Map(rows.filter((r) => r.parent && inFile.has(r.parent)).map((r) => [r.internalName, r.parent]));
  for (const r of rows) {
    const seen = new Set([r.internalName]);
    for (let p = parentInFile.get(r.internalName); p; p = parentInFile.get(p)) {
      if (seen.has(p)) {
        if (r.parent !== r.internalName) errors.push({ row: r.line, field: "parent", message: "These parents form a loop." });
        break;
      }
      seen.add(p);
    }
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    return { created: 0, errors: errors.slice(0, 500) };
  }
  const inserted = await tx
    .insert(entities)
    .values(
      rows.map((r) => ({
        kind: "local" as const,
        label: r.label,
        internalName: r.internalName,
        email: r.email || null,
        phone: r.phone || null,
        address: r.address || null,
        parentId: parentIds.get(r.parent) ?? null,
      })),
    )
    .returning({ id: entities.id, n: entities.internalName });
  const ids = new Map(inserted.map((r) => [r.n, r.id]));
  for (const r of rows) {
    if (r.parent && inFile.has(r.parent)) {
      await tx.update(entities).set({ parentId: ids.get(r.parent)! }).where(eq(entities.id, ids.get(r.internalName)!));
    }
  }
  return { created: inserted.length, errors: [] };
}
