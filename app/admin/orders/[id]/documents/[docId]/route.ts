import { centralDownload } from "@/lib/documents/routes";
import { getOrderDocument } from "@/lib/orders/files";

/** Downloads a document of an order: central operators only, and only a document of that order. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; docId: string }> }) {
  return centralDownload(ctx.params, (db, p) => getOrderDocument(db, p.id, p.docId));
}
