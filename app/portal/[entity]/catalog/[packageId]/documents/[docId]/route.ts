import { z } from "zod";
import { getCatalogDocument } from "@/lib/catalog/queries";
import { entityDownload } from "@/lib/documents/routes";

const paramsSchema = z.object({ entity: z.string().max(60), packageId: z.uuid(), docId: z.uuid() });

/** A document of a package offered to this entity, for its own operators only. */
export async function GET(_req: Request, ctx: { params: Promise<{ entity: string; packageId: string; docId: string }> }) {
  return entityDownload(ctx.params, paramsSchema, (db, entityId, p) => getCatalogDocument(db, entityId, p.packageId, p.docId));
}
