import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { orderDocuments } from "@/db/schema";

async function store(tx: Tx, orderId: string, file: File, fieldName: string | null) {
  const data = Buffer.from(await file.arrayBuffer());
  await tx.insert(orderDocuments).values({ orderId, fieldName, fileName: file.name, contentType: file.type || "application/octet-stream", size: data.length, data });
}

/**
 * Stores the order's files in its transaction. A file personalization field keeps one file: a new
 * one replaces it, and the field's value becomes the file's name (what reviewers read).
 */
export async function storeOrderFiles(
  tx: Tx,
  orderId: string,
  parameters: Record<string, unknown>,
  documents: File[],
): Promise<Record<string, string | number | boolean | null>> {
  const values: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(parameters)) {
    if (value instanceof File) {
      await tx.delete(orderDocuments).where(and(eq(orderDocuments.orderId, orderId), eq(orderDocuments.fieldName, name)));
      await store(tx, orderId, value, name);
      values[name] = value.name;
    } else {
      values[name] = value as string | number | boolean | null;
    }
  }
  for (const doc of documents) await store(tx, orderId, doc, null);
  return values;
}

export async function removeOrderDocuments(tx: Tx, orderId: string, ids: string[]) {
  if (!ids.length) return;
  await tx.delete(orderDocuments).where(and(eq(orderDocuments.orderId, orderId), isNull(orderDocuments.fieldName), inArray(orderDocuments.id, ids)));
}

export async function listOrderDocuments(db: DbOrTx, orderId: string) {
  return db
    .select({ id: orderDocuments.id, fieldName: orderDocuments.fieldName, fileName: orderDocuments.fileName, size: orderDocuments.size })
    .from(orderDocuments)
    .where(eq(orderDocuments.orderId, orderId))
    .orderBy(asc(orderDocuments.createdAt));
}

export async function getOrderDocument(db: DbOrTx, orderId: string, documentId: string) {
  const [doc] = await db
    .select({ fileName: orderDocuments.fileName, data: orderDocuments.data })
    .from(orderDocuments)
    .where(and(eq(orderDocuments.id, documentId), eq(orderDocuments.orderId, orderId)));
  return doc ?? null;
}
