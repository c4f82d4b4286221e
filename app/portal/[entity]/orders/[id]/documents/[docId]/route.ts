import { z } from "zod";
import { entityDownload } from "@/lib/documents/routes";
import { getEntityOrderDocument } from "@/lib/orders/entity-queries";

const paramsSchema = z.object({ entity: z.string().max(60), id: z.uuid(), docId: z.uuid() });

/** A document of one of the entity's orders, for its own operators only, always as an attachment. */
export async function GET(_req: Request, ctx: { params: Promise<{ entity: string; id: string; docId: string }> }) {
  return entityDownload(ctx.params, paramsSchema, (db, entityId, p) => getEntityOrderDocument(db, entityId, p.id, p.docId));
}
