import { z } from "zod";
import { getDb } from "@/db";
import { getCurrentActor } from "@/lib/auth/session";
import { requireEntityMember } from "@/lib/authz";
import { downloadResponse } from "@/lib/documents/download";
import { getEntityOrderDocument } from "@/lib/orders/entity-queries";

const paramsSchema = z.object({ entity: z.string().max(60), id: z.uuid(), docId: z.uuid() });

/** A document of one of the entity's orders, for its own operators only, always as an attachment. */
export async function GET(_req: Request, ctx: { params: Promise<{ entity: string; id: string; docId: string }> }) {
  const parsed = paramsSchema.safeParse(await ctx.params);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  let entityId: string;
  try {
    entityId = requireEntityMember(await getCurrentActor(), parsed.data.entity).entity.id;
  } catch {
    return new Response("Not found", { status: 404 });
  }
  const doc = await getEntityOrderDocument(getDb(), entityId, parsed.data.id, parsed.data.docId);
  return doc ? downloadResponse(doc) : new Response("Not found", { status: 404 });
}
