import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx, Tx } from "@/db";
import { packageDocuments, packages } from "@/db/schema";
import { AppError } from "@/lib/errors";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENTS = 10;

export const uploadDocumentSchema = z.object({
  packageId: z.uuid(),
  file: z
    .instanceof(File, { message: "Choose a file." })
    .refine((f) => f.size > 0, "The file is empty.")
    .refine((f) => f.size <= MAX_DOCUMENT_BYTES, "Keep each document under 10 MB.")
    .refine((f) => f.name.length <= 200, "Shorten the file name to 200 characters."),
});
export const removeDocumentSchema = z.object({ packageId: z.uuid(), documentId: z.uuid() });

// Documents belong to what entities are offered: they change only while the package is edited.
async function assertEditable(tx: Tx, packageId: string) {
  const pkg = await tx.query.packages.findFirst({ where: eq(packages.id, packageId), columns: { status: true } });
  if (!pkg) throw new AppError("not_found");
  if (pkg.status !== "being_edited" && pkg.status !== "rejected") {
    throw new AppError("conflict", "Documents can be changed only while the package is being edited.");
  }
}

export async function addPackageDocument(tx: Tx, input: z.output<typeof uploadDocumentSchema>) {
  await assertEditable(tx, input.packageId);
  const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(packageDocuments).where(eq(packageDocuments.packageId, input.packageId));
  if (n >= MAX_DOCUMENTS) throw new AppError("invalid_input", undefined, { file: `A package carries at most ${MAX_DOCUMENTS} documents.` });
  const data = Buffer.from(await input.file.arrayBuffer());
  const [row] = await tx
    .insert(packageDocuments)
    .values({ packageId: input.packageId, fileName: input.file.name, contentType: input.file.type || "application/octet-stream", size: data.length, data })
    .returning({ id: packageDocuments.id });
  return { id: row!.id };
}

export async function removePackageDocument(tx: Tx, input: z.output<typeof removeDocumentSchema>) {
  await assertEditable(tx, input.packageId);
  const gone = await tx
    .delete(packageDocuments)
    .where(and(eq(packageDocuments.id, input.documentId), eq(packageDocuments.packageId, input.packageId)))
    .returning({ id: packageDocuments.id });
  if (!gone.length) throw new AppError("not_found");
  return { id: input.documentId };
}

export async function listPackageDocuments(db: DbOrTx, packageId: string) {
  return db
    .select({ id: packageDocuments.id, fileName: packageDocuments.fileName, size: packageDocuments.size, createdAt: packageDocuments.createdAt })
    .from(packageDocuments)
    .where(eq(packageDocuments.packageId, packageId))
    .orderBy(packageDocuments.createdAt);
}
