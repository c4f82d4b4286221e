import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { notifications } from "../../db/schema";
import { enqueueJob } from "../../jobs/enqueue";
import { uuidArray } from "../sql-arrays";
import { renderEmail, type EmailTemplate, type TemplatePayload } from "./templates";

export const SEND_NOTIFICATION = "send_notification";

/**
 * Records an email in the outbox and enqueues its sending, in the caller's transaction.
 * `eventKey` names the event (e.g. `invitation:<id>`): queuing the same event twice adds nothing,
 * which is what makes "one event, one email" hold across retries of the caller.
 */
export async function queueNotification<T extends EmailTemplate>(
  db: DbOrTx,
  params: { eventKey: string; recipient: string; template: T; payload: TemplatePayload<T>; entityId?: string | null },
): Promise<string | null> {
  const { subject } = renderEmail(params.template, params.payload);
  const [row] = await db
    .insert(notifications)
    .values({
      eventKey: params.eventKey,
      recipient: params.recipient,
      template: params.template,
      subject,
      payload: params.payload as Record<string, unknown>,
      entityId: params.entityId ?? null,
    })
    .onConflictDoNothing({ target: notifications.eventKey })
    .returning({ id: notifications.id });
  if (!row) return null;
  await enqueueJob(db, SEND_NOTIFICATION, { notificationId: row.id }, { jobKey: `notification:${row.id}`, maxAttempts: 8 });
  return row.id;
}


/**
 * Many emails at once, for fan-outs (publication, cancellation): one multi-row insert into the
 * outbox and one `add_jobs` call, in the caller's transaction. Events already queued are skipped.
 */
export async function queueNotifications<T extends EmailTemplate>(
  db: DbOrTx,
  items: { eventKey: string; recipient: string; template: T; payload: TemplatePayload<T>; entityId?: string | null }[],
): Promise<number> {
  if (items.length === 0) return 0;
  let queued = 0;
  for (let i = 0; i < items.length; i += 1000) {
    const batch = items.slice(i, i + 1000);
    const rows = await db
      .insert(notifications)
      .values(
        batch.map((n) => ({
          eventKey: n.eventKey,
          recipient: n.recipient,
          template: n.template,
          subject: renderEmail(n.template, n.payload).subject,
          payload: n.payload as Record<string, unknown>,
          entityId: n.entityId ?? null,
        })),
      )
      .onConflictDoNothing({ target: notifications.eventKey })
      .returning({ id: notifications.id });
    if (rows.length) {
      const ids = rows.map((r) => r.id);
      await db.execute(sql`select graphile_worker.add_jobs(array(
        select row(${SEND_NOTIFICATION}::text, json_build_object('notificationId', id), null, null, 8, 'notification:' || id, 0, null)::graphile_worker.job_spec
        from unnest(${uuidArray(ids)}) as id
      ))`);
    }
    queued += rows.length;
  }
  return queued;
}
