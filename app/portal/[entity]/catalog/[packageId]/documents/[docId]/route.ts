import { z } from "zod";
import { getDb } from "@/db";
import { getCurrentActor } from "@/lib/auth/session";
import { requireEntityMember } from "@/lib/authz";
import { getCatalogDocument } from "@/lib/catalog/queries";
import { downloadResponse } from "@/lib/documents/download";

const paramsSchema = z.object({ entity: z.string().max(60), packageId: z.uuid(), docId: z.uuid() });

/** A document of a package offered to this entity, for its own operators only. */
export async function GET(_req: Request, ctx: { params: Promise<{ entity: string; packageId: string; docId: string }> }) {
  const parsed = paramsSchema.safeParse(await ctx.params);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  let entityId: string;
  try {
    entityId = requireEntityMember(await getCurrentActor(), parsed.data.entity).entity.id;
  } catch {
    return new Response("Not found", { status: 404 });
  }
  const doc = await getCatalogDocument(getDb(), entityId, parsed.data.packageId, parsed.data.docId);
  return doc ? downloadResponse(doc) : new Response("Not found", { status: 404 });
}
