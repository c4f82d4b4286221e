import { z } from "zod";
import { getDb, type Db } from "@/db";
import { getCurrentActor } from "@/lib/auth/session";
import { requireCentral, requireEntityMember } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { downloadResponse } from "./download";

type StoredFile = { fileName: string; data: Buffer };

const notFound = () => new Response("Not found", { status: 404 });

/**
 * A document download for the entity's own operators. A malformed id, someone else's entity and a
 * missing document all answer the same 404, so nothing can be probed through the URL.
 */
export async function entityDownload<P extends { entity: string }>(
  params: Promise<unknown>,
  schema: z.ZodType<P>,
  find: (db: Db, entityId: string, params: P) => Promise<StoredFile | null | undefined>,
): Promise<Response> {
  const parsed = schema.safeParse(await params);
  if (!parsed.success) return notFound();
  let entityId: string;
  try {
    entityId = requireEntityMember(await getCurrentActor(), parsed.data.entity).entity.id;
  } catch {
    return notFound();
  }
  const doc = await find(getDb(), entityId, parsed.data);
  return doc ? downloadResponse(doc) : notFound();
}

const centralParams = z.object({ id: z.uuid(), docId: z.uuid() });

/**
 * A document download for central operators, of the record `id`. Without a session the answer is
 * 401; to a local operator the admin area answers 404, as if it did not exist.
 */
export async function centralDownload(
  params: Promise<unknown>,
  find: (db: Db, params: z.infer<typeof centralParams>) => Promise<StoredFile | null | undefined>,
): Promise<Response> {
  try {
    requireCentral(await getCurrentActor());
  } catch (err) {
    return new Response("Not found", { status: err instanceof AppError && err.code === "unauthenticated" ? 401 : 404 });
  }
  const parsed = centralParams.safeParse(await params);
  if (!parsed.success) return notFound();
  const doc = await find(getDb(), parsed.data);
  return doc ? downloadResponse(doc) : notFound();
}
