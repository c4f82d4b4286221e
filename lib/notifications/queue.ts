import type { DbOrTx } from "../../db";
import { notifications } from "../../db/schema";
import { enqueueJob } from "../../jobs/enqueue";
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

