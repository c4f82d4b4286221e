import { z } from "zod";
import { getDb } from "@/db";
import { getCurrentActor } from "@/lib/auth/session";
import { requireCentral } from "@/lib/authz";
import { downloadResponse } from "@/lib/documents/download";
import { AppError } from "@/lib/errors";
import { getDeliveryFile } from "@/lib/providers/queries";

/**
 * Downloads a direct-mail delivery's extraction file: central operators only. Without a session
 * the answer is 401; to anyone else, a malformed id and a missing file, the same 404.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    requireCentral(await getCurrentActor());
  } catch (err) {
    return new Response("Not found", { status: err instanceof AppError && err.code === "unauthenticated" ? 401 : 404 });
  }
  const parsed = z.object({ id: z.uuid() }).safeParse(await ctx.params);
  const file = parsed.success ? await getDeliveryFile(getDb(), parsed.data.id) : null;
  return file ? downloadResponse(file) : new Response("Not found", { status: 404 });
}
