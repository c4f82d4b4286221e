import { and, eq, inArray, sql } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db";
import { deliveryFiles, notifications, packageDocuments } from "../../db/schema";
import { getTransport, mailFrom } from "../../lib/mail/transport";
import { isEmailTemplate, isSecretPayloadKey, renderEmail } from "../../lib/notifications/templates";

const payloadSchema = z.object({ notificationId: z.uuid() });

function messageDomain(): string {
  try {
    return new URL(process.env.APP_URL ?? "http://localhost").hostname || "localhost";
  } catch {
    return "localhost";
  }
}

/**
 * Sends one outbox row. The row is claimed with a guarded UPDATE, so a retried or duplicated job
 * finds it `sent` and does nothing. The Message-ID is derived from the row id: if a crash falls
 * between the SMTP server's acceptance and our commit, a resend carries the same id and the
 * receiving side can recognise it; that window is the only one left.
 */
export const sendNotification: Task = async (rawPayload, helpers) => {
  const { notificationId } = payloadSchema.parse(rawPayload);
  const db = getDb();
  const [row] = await db
    .update(notifications)
    .set({ status: "sending", attempts: sql`${notifications.attempts} + 1`, updatedAt: sql`now()` })
    .where(and(eq(notifications.id, notificationId), inArray(notifications.status, ["queued", "failed", "sending"])))
    .returning();
  if (!row) {
    helpers.logger.debug(`notification ${notificationId} already sent or gone`);
    return;
  }
  let providerMessageId: string;
  try {
    if (!isEmailTemplate(row.template)) throw new Error(`unknown email template ${row.template}`);
    const email = renderEmail(row.template, row.payload as never);
    const info = await getTransport().sendMail({
      attachments: await attachmentsOf(row.payload),
      from: mailFrom(),
      to: row.recipient,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${row.id}@${messageDomain()}>`,
      headers: { "X-DM-Template": row.template },
    });
    providerMessageId = info.messageId;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db
      .update(notifications)
      .set({ status: "failed", lastError: message.slice(0, 1000), updatedAt: sql`now()` })
      .where(eq(notifications.id, row.id));
    throw err; // graphile-worker retries with exponential backoff up to max_attempts
  }
  // Sent: from here on nothing may throw into a retry, or the same email would go out again.
  await markSent(row.id, providerMessageId, row.payload).catch((err) =>
    helpers.logger.error(`notification ${row.id} was sent but could not be marked sent: ${String(err)}`),
  );
};

async function markSent(id: string, providerMessageId: string, payload: Record<string, unknown>) {
  // Link URLs carry live tokens: once delivered, the outbox keeps no usable copy.
  const scrubbed = Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, isSecretPayloadKey(k) ? "[sent]" : v]));
  for (let attempt = 1; ; attempt++) {
    try {
      await getDb()
        .update(notifications)
        .set({ status: "sent", providerMessageId, payload: scrubbed, sentAt: sql`now()`, lastError: null, updatedAt: sql`now()` })
        .where(eq(notifications.id, id));
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

const attachmentIdsSchema = z.array(z.uuid()).max(20).catch([]);
const deliveryFileIdSchema = z.uuid().optional().catch(undefined);

/** Documents named by the payload (a package's attachments, a provider's extraction file), read at send time. */
async function attachmentsOf(payload: Record<string, unknown>) {
  const fileId = deliveryFileIdSchema.parse(payload.deliveryFileId);
  if (fileId) {
    const [file] = await getDb().select({ fileName: deliveryFiles.fileName, data: deliveryFiles.data }).from(deliveryFiles).where(eq(deliveryFiles.id, fileId));
    return file ? [{ filename: file.fileName, content: file.data, contentType: "text/csv; charset=utf-8" }] : undefined;
  }
  const ids = attachmentIdsSchema.parse(payload.attachmentIds ?? []);
  if (!ids.length) return undefined;
  const docs = await getDb()
    .select({ fileName: packageDocuments.fileName, contentType: packageDocuments.contentType, data: packageDocuments.data })
    .from(packageDocuments)
    .where(inArray(packageDocuments.id, ids));
  return docs.map((d) => ({ filename: d.fileName, content: d.data, contentType: d.contentType }));
}
