import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { packageDocuments } from "@/db/schema";
import { getCurrentActor } from "@/lib/auth/session";
import { requireCentral } from "@/lib/authz";
import { downloadResponse } from "@/lib/documents/download";
import { AppError } from "@/lib/errors";

const paramsSchema = z.object({ id: z.uuid(), docId: z.uuid() });

/** Downloads a package document: central operators only, and only a document of that package. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; docId: string }> }) {
  try {
    requireCentral(await getCurrentActor());
  } catch (err) {
    return new Response("Not found", { status: err instanceof AppError && err.code === "unauthenticated" ? 401 : 404 });
  }
  const parsed = paramsSchema.safeParse(await ctx.params);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  const [doc] = await getDb()
    .select()
    .from(packageDocuments)
    .where(and(eq(packageDocuments.id, parsed.data.docId), eq(packageDocuments.packageId, parsed.data.id)));
  if (!doc) return new Response("Not found", { status: 404 });
  return downloadResponse(doc);
}
