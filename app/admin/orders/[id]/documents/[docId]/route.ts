import { z } from "zod";
import { getDb } from "@/db";
import { getCurrentActor } from "@/lib/auth/session";
import { requireCentral } from "@/lib/authz";
import { downloadResponse } from "@/lib/documents/download";
import { AppError } from "@/lib/errors";
import { getOrderDocument } from "@/lib/orders/files";

const paramsSchema = z.object({ id: z.uuid(), docId: z.uuid() });

/** Downloads a document of an order: central operators only, and only a document of that order. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; docId: string }> }) {
  try {
    requireCentral(await getCurrentActor());
  } catch (err) {
    return new Response("Not found", { status: err instanceof AppError && err.code === "unauthenticated" ? 401 : 404 });
  }
  const parsed = paramsSchema.safeParse(await ctx.params);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  const doc = await getOrderDocument(getDb(), parsed.data.id, parsed.data.docId);
  if (!doc) return new Response("Not found", { status: 404 });
  return downloadResponse(doc);
}
