import { getDb } from "@/db";
import { getCurrentActor } from "@/lib/auth/session";
import { requireEntityMember } from "@/lib/authz";
import { contactsCsv } from "@/lib/contacts/export";
import { csvDownload } from "@/lib/csv-response";

/**
 * The entity's contacts as a CSV download, streamed chunk by chunk. Only the entity's own operators
 * get it; anyone else (signed out, another entity, no such entity) gets the same 404.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ entity: string }> }) {
  const { entity: slug } = await ctx.params;
  let entity: { id: string; internalName: string };
  try {
    entity = requireEntityMember(await getCurrentActor(), slug).entity;
  } catch {
    return new Response("Not found", { status: 404 });
  }
  return csvDownload(contactsCsv(getDb(), entity.id), { name: `contacts-${entity.internalName}`, what: "contacts" });
}
