import { and, eq, inArray, sql } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db";
import { deliveryFiles, notifications, packageDocuments } from "../../db/schema";
import { mailFrom, messageDomain, sendMessage } from "../../lib/mail/transport";
import { isEmailTemplate, isSecretPayloadKey, renderEmail } from "../../lib/notifications/templates";

// { notificationIds }: a batch (lib/notifications/queue.ts); { notificationId }: one, as jobs
// queued before batches carried it.
const payloadSchema = z.union([z.object({ notificationIds: z.array(z.uuid()).min(1).max(1000) }), z.object({ notificationId: z.uuid() })]);

type Row = typeof notifications.$inferSelect;
type Attachment = { filename: string; content: Buffer | string; contentType: string };

/**
 * Sends a batch of outbox rows. The rows are claimed with one guarded UPDATE before any SMTP
 * call, so a retried or duplicated job finds them `sent` and sends nothing again; they are
 * settled together once the pool has answered for each. The Message-ID is derived from the row
 * id: if a crash falls between the SMTP server's acceptance and our commit, a resend carries the
 * same id and the receiving side can recognise it; that window is the only one left. An email
 * that failed is marked so and the job throws, and graphile-worker retries it with backoff: the
 * retry claims only what was not sent.
 */
export const sendNotification: Task = async (rawPayload, helpers) => {
  const payload = payloadSchema.parse(rawPayload);
  const ids = "notificationIds" in payload ? payload.notificationIds : [payload.notificationId];
  const db = getDb();
  const rows = await db
    .update(notifications)
    .set({ status: "sending", attempts: sql`${notifications.attempts} + 1`, updatedAt: sql`now()` })
    .where(and(inArray(notifications.id, ids), inArray(notifications.status, ["queued", "failed", "sending"])))
    .returning();
  if (!rows.length) {
    helpers.logger.debug(`notifications ${ids.join(", ")} already sent or gone`);
    return;
  }
  const attachments = attachmentLoader();
  const domain = messageDomain();
  const results = await Promise.allSettled(
    rows.map(async (row) => {
      if (!isEmailTemplate(row.template)) throw new Error(`unknown email template ${row.template}`);
      const email = renderEmail(row.template, row.payload as never);
      const messageId = `<${row.id}@${domain}>`;
      await sendMessage({
        attachments: await attachments(row.payload),
        from: mailFrom(),
        to: row.recipient,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId,
        headers: { "X-DM-Template": row.template },
      });
      return messageId;
    }),
  );
  const sent = rows.flatMap((row, i) => {
    const r = results[i]!;
    return r.status === "fulfilled" ? [{ id: row.id, providerMessageId: r.value, payload: scrubbed(row) }] : [];
  });
  const failed = rows.flatMap((row, i) => {
    const r = results[i]!;
    return r.status === "rejected" ? [{ id: row.id, error: (r.reason instanceof Error ? r.reason.message : String(r.reason)).slice(0, 1000) }] : [];
  });
  // Sent: from here on nothing may throw into a retry, or the same emails would go out again.
  const settled = await markSent(sent).then(
    () => true,
    (err) => (helpers.logger.error(`notifications ${sent.map((s) => s.id).join(", ")} were sent but could not be marked sent: ${String(err)}`), false),
  );
  if (!failed.length) return;
  try {
    await db.execute(sql`
      update notifications n set status = 'failed', last_error = f.error, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(failed)}::jsonb) as f(id uuid, error text)
      where n.id = f.id`);
  } catch (err) {
    if (settled) throw err;
  }
  // Unsettled sent rows are still `sending`: a retry would claim and send them again, so the
  // failed ones are given up rather than retried.
  if (!settled) return;
  throw new Error(`${failed.length} of ${rows.length} emails not sent: ${failed[0]!.error}`);
};

/** Link URLs carry live tokens: once delivered, the outbox keeps no usable copy. */
function scrubbed(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row.payload).map(([k, v]) => [k, isSecretPayloadKey(k) ? "[sent]" : v]));
}

async function markSent(sent: { id: string; providerMessageId: string; payload: Record<string, unknown> }[]) {
  if (!sent.length) return;
  for (let attempt = 1; ; attempt++) {
    try {
      await getDb().execute(sql`
        update notifications n
        set status = 'sent', provider_message_id = s.provider_message_id, payload = s.payload, sent_at = now(), last_error = null, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(sent.map((s) => ({ id: s.id, provider_message_id: s.providerMessageId, payload: s.payload })))}::jsonb)
          as s(id uuid, provider_message_id text, payload jsonb)
        where n.id = s.id`);
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

const attachmentIdsSchema = z.array(z.uuid()).max(20).catch([]);
const deliveryFileIdSchema = z.uuid().optional().catch(undefined);

/**
 * Documents named by a payload (a package's attachments, a provider's extraction file), read at
 * send time, once per batch: the emails of one publication share the same documents.
 */
function attachmentLoader() {
  const cache = new Map<string, Promise<Attachment[] | undefined>>();
  return (payload: Record<string, unknown>) => {
    const fileId = deliveryFileIdSchema.parse(payload.deliveryFileId);
    const ids = attachmentIdsSchema.parse(payload.attachmentIds ?? []);
    const key = fileId ? `file:${fileId}` : ids.join(",");
    if (!key) return Promise.resolve(undefined);
    if (!cache.has(key)) cache.set(key, fileId ? deliveryFile(fileId) : packageDocs(ids));
    return cache.get(key)!;
  };
}

async function deliveryFile(fileId: string): Promise<Attachment[] | undefined> {
  const [file] = await getDb().select({ fileName: deliveryFiles.fileName, data: deliveryFiles.data }).from(deliveryFiles).where(eq(deliveryFiles.id, fileId));
  return file ? [{ filename: file.fileName, content: file.data, contentType: "text/csv; charset=utf-8" }] : undefined;
}

async function packageDocs(ids: string[]): Promise<Attachment[]> {
  const docs = await getDb()
    .select({ fileName: packageDocuments.fileName, contentType: packageDocuments.contentType, data: packageDocuments.data })
    .from(packageDocuments)
    .where(inArray(packageDocuments.id, ids));
  return docs.map((d) => ({ filename: d.fileName, content: d.data, contentType: d.contentType }));
}
