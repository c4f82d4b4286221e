import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { contacts, deliveries, deliveryFiles, deliveryMessages, entities, providers } from "@/db/schema";
import { queueNotifications } from "@/lib/notifications/queue";
import { extractionCsv, extractionFileName, type ExtractedContact } from "./extraction";

// supplierMgt (§8, §10): the provider's steps of a direct-mail delivery. Each step takes a
// bounded batch of deliveries, locks them and skips those another run holds, and moves each with
// a guarded UPDATE, so two runs never do one step twice.

export type SupplierMgtOptions = { limit?: number; deliveryIds?: string[] };

const directMail = (status: "pending_extraction" | "file_to_approve", opts: SupplierMgtOptions) =>
  and(eq(deliveries.channel, "direct_mail"), eq(deliveries.status, status), opts.deliveryIds ? inArray(deliveries.id, opts.deliveryIds) : undefined);

/** Pending extraction → File to approve: the CSV of the queued messages, from the export template. */
export async function extractFiles(tx: Tx, opts: SupplierMgtOptions = {}) {
  const due = await tx
    .select({ id: deliveries.id, label: deliveries.label, provider: { name: providers.name, exportColumns: providers.exportColumns, fileNamePattern: providers.fileNamePattern } })
    .from(deliveries)
    .innerJoin(providers, eq(providers.id, deliveries.providerId))
    .where(directMail("pending_extraction", opts))
    .orderBy(asc(deliveries.updatedAt), asc(deliveries.id))
    .limit(opts.limit ?? 10)
    .for("update", { of: deliveries, skipLocked: true });
  let rows = 0;
  for (const d of due) {
    const target: ExtractedContact[] = await tx
      .select({ email: deliveryMessages.email, firstName: contacts.firstName, lastName: contacts.lastName, entity: entities.internalName, attributes: contacts.attributes })
      .from(deliveryMessages)
      .innerJoin(contacts, eq(contacts.id, deliveryMessages.contactId))
      .innerJoin(entities, eq(entities.id, deliveryMessages.entityId))
      .where(and(eq(deliveryMessages.deliveryId, d.id), eq(deliveryMessages.status, "queued")))
      .orderBy(asc(entities.internalName), asc(contacts.lastName), asc(contacts.firstName), asc(deliveryMessages.email));
    const file = {
      fileName: extractionFileName(d.provider.fileNamePattern, { delivery: d.label, provider: d.provider.name, date: new Date() }),
      data: extractionCsv(d.provider.exportColumns, target),
      rowCount: target.length,
    };
    // A delivery sent back to extraction gets a fresh file, to be approved again.
    await tx
      .insert(deliveryFiles)
      .values({ deliveryId: d.id, ...file })
      .onConflictDoUpdate({ target: deliveryFiles.deliveryId, set: { ...file, approvedAt: null, approvedById: null, sentAt: null, createdAt: sql`now()` } });
    await tx
      .update(deliveries)
      .set({ status: "file_to_approve", updatedAt: sql`now()` })
      .where(and(eq(deliveries.id, d.id), eq(deliveries.status, "pending_extraction")));
    rows += target.length;
  }
  return { extracted: due.length, extractedRows: rows };
}

/**
 * File to approve (approved) → Sent to provider, or Finished when the provider's post-processing
 * says so: the file to each of the provider's contacts, the delivery's queued messages marked sent.
 * The email's event key is per delivery and recipient, so a rerun queues nothing twice.
 */
export async function sendApprovedFiles(tx: Tx, opts: SupplierMgtOptions = {}) {
  const due = await tx
    .select({
      id: deliveries.id,
      label: deliveries.label,
      file: { id: deliveryFiles.id, fileName: deliveryFiles.fileName, rowCount: deliveryFiles.rowCount },
      provider: { name: providers.name, contactEmails: providers.contactEmails, notifySubject: providers.notifySubject, notifyBody: providers.notifyBody, finishOnSend: providers.finishOnSend },
    })
    .from(deliveries)
    .innerJoin(deliveryFiles, eq(deliveryFiles.deliveryId, deliveries.id))
    .innerJoin(providers, eq(providers.id, deliveries.providerId))
    .where(and(directMail("file_to_approve", opts), isNotNull(deliveryFiles.approvedAt), isNull(deliveryFiles.sentAt)))
    .orderBy(asc(deliveryFiles.approvedAt), asc(deliveries.id))
    .limit(opts.limit ?? 20)
    .for("update", { of: [deliveries, deliveryFiles], skipLocked: true });
  const out = { filesSent: 0, providerEmails: 0, messagesSent: 0, finished: 0, noRecipients: 0 };
  for (const d of due) {
    const recipients = [...new Set(d.provider.contactEmails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
    // Nowhere to send it: the file waits, approved, until the provider has a contact email.
    if (!recipients.length) {
      out.noRecipients++;
      continue;
    }
    const queued = await queueNotifications(
      tx,
      recipients.map((recipient) => ({
        eventKey: `provider-file:${d.id}:${recipient}`,
        recipient,
        template: "provider_file" as const,
        payload: {
          providerName: d.provider.name,
          deliveryLabel: d.label,
          subject: d.provider.notifySubject,
          body: d.provider.notifyBody,
          fileName: d.file.fileName,
          rowCount: d.file.rowCount,
          deliveryFileId: d.file.id,
        },
      })),
    );
    await tx.update(deliveryFiles).set({ sentAt: sql`now()` }).where(and(eq(deliveryFiles.id, d.file.id), isNull(deliveryFiles.sentAt)));
    const sent = await tx
      .update(deliveryMessages)
      .set({ status: "sent", sentAt: sql`now()` })
      .where(and(eq(deliveryMessages.deliveryId, d.id), eq(deliveryMessages.status, "queued")))
      .returning({ id: deliveryMessages.id });
    const finish = d.provider.finishOnSend;
    await tx
      .update(deliveries)
      .set({ status: finish ? "finished" : "sent_to_provider", finishedAt: finish ? sql`now()` : undefined, updatedAt: sql`now()` })
      .where(and(eq(deliveries.id, d.id), eq(deliveries.status, "file_to_approve")));
    out.filesSent++;
    out.providerEmails += queued.length;
    out.messagesSent += sent.length;
    if (finish) out.finished++;
  }
  return out;
}

/** One supplierMgt run: extraction first, then sending, each in bounded batches. */
export async function runSupplierMgt(tx: Tx, opts: SupplierMgtOptions = {}): Promise<{ itemsHandled: number; details: Record<string, number> }> {
  const extracted = await extractFiles(tx, opts);
  const sent = await sendApprovedFiles(tx, opts);
  // Direct mail that cannot move: no provider chosen. Counted so the run history shows it.
  const [stuck] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(deliveries)
    .where(and(directMail("pending_extraction", opts), isNull(deliveries.providerId)));
  const details = { ...extracted, ...sent, noProvider: stuck?.n ?? 0 };
  return { itemsHandled: extracted.extracted + sent.filesSent, details };
}
