import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { contacts } from "@/db/schema";
import { CSV_BOM, csvLine } from "./csv";

export const EXPORT_CHUNK_SIZE = 5000;

/**
 * One entity's contacts as CSV, chunk by chunk: a header line (email, firstName, lastName, status,
 * then every attribute key the entity's contacts use, sorted), then one line per contact ordered
 * by email. Each chunk is read with a keyset query on the (entity_id, email) unique index, so
 * memory stays flat whatever the size. The text starts with a byte-order mark so that spreadsheets
 * read it as UTF-8; cells are quoted and guarded against formulas by `csvLine`.
 * Chunks are read one after the other without a snapshot: a contact added during a long export may
 * be missing from it, one with a new attribute key has that key left out.
 */
export async function* contactsCsv(db: DbOrTx, entityId: string, chunkSize = EXPORT_CHUNK_SIZE): AsyncGenerator<string> {
  const keys = await db
    .selectDistinct({ key: sql<string>`jsonb_object_keys(${contacts.attributes})`.as("key") })
    .from(contacts)
    .where(eq(contacts.entityId, entityId))
    .orderBy(sql`1`);
  const attributeKeys = keys.map((k) => k.key);
  yield CSV_BOM + csvLine(["email", "firstName", "lastName", "status", ...attributeKeys]);
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({ email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName, status: contacts.status, attributes: contacts.attributes })
      .from(contacts)
      .where(and(eq(contacts.entityId, entityId), after === undefined ? undefined : gt(contacts.email, after)))
      .orderBy(asc(contacts.email))
      .limit(chunkSize);
    if (!rows.length) return;
    yield rows.map((r) => csvLine([r.email, r.firstName, r.lastName, r.status, ...attributeKeys.map((k) => cellOf(r.attributes[k]))])).join("");
    if (rows.length < chunkSize) return;
    after = rows.at(-1)!.email;
  }
}

/** Attribute values are strings when they come from the portal; anything else is written as JSON. */
function cellOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
