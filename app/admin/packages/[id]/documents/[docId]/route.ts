import { and, eq } from "drizzle-orm";
import { packageDocuments } from "@/db/schema";
import { centralDownload } from "@/lib/documents/routes";

/** Downloads a package document: central operators only, and only a document of that package. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; docId: string }> }) {
  return centralDownload(ctx.params, async (db, p) => {
    const [doc] = await db
      .select()
      .from(packageDocuments)
      .where(and(eq(packageDocuments.id, p.docId), eq(packageDocuments.packageId, p.id)));
    return doc;
  });
}
