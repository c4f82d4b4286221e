import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { notifications } from "../../db/schema";
import { uuidArray } from "../sql-arrays";
import { renderEmail, type EmailTemplate, type TemplatePayload } from "./templates";

export const SEND_NOTIFICATION = "send_notification";

export type QueuedEmail<T extends EmailTemplate> = {
  eventKey: string;
  recipient: string;
  template: T;
  payload: TemplatePayload<T>;
  entityId?: string | null;
};

/**
 * Records emails in the outbox and enqueues their sending, in the caller's transaction: one
 * multi-row insert and one `add_jobs` call per thousand, so fan-outs (publication, cancellation)
 * cost a few statements. `eventKey` names the event (e.g. `invitation:<id>`): an event already
 * queued is skipped, which is what makes "one event, one email" hold across retries of the caller.
 * Returns the ids of the rows actually added.
 */
export async function queueNotifications<T extends EmailTemplate>(db: DbOrTx, items: QueuedEmail<T>[]): Promise<string[]> {
  const added: string[] = [];
  for (let i = 0; i < items.length; i += 1000) {
    const rows = await db
      .insert(notifications)
      .values(
        items.slice(i, i + 1000).map((n) => ({
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
    if (!rows.length) continue;
    const ids = rows.map((r) => r.id);
    // job_key per row: a second enqueue of the same email replaces its job rather than adding one.
    await db.execute(sql`select graphile_worker.add_jobs(array(
      select row(${SEND_NOTIFICATION}::text, json_build_object('notificationId', id), null, null, 8, 'notification:' || id, 0, null)::graphile_worker.job_spec
      from unnest(${uuidArray(ids)}) as id
    ))`);
    added.push(...ids);
  }
  return added;
}

/** One email: its outbox id, or null when the event was already queued. */
export async function queueNotification<T extends EmailTemplate>(db: DbOrTx, item: QueuedEmail<T>): Promise<string | null> {
  const [id] = await queueNotifications(db, [item]);
  return id ?? null;
}
