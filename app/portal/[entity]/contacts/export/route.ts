import { getDb } from "@/db";
import { getCurrentActor } from "@/lib/auth/session";
import { requireEntityMember } from "@/lib/authz";
import { contactsCsv } from "@/lib/contacts/export";

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
  const chunks = contactsCsv(getDb(), entity.id);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        console.error("contacts export failed", err);
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="contacts-${entity.internalName}-${date}.csv"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
