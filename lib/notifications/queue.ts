import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db";
import { notifications } from "../../db/schema";
import { uuidArray } from "../sql-arrays";
import { renderEmail, type EmailTemplate, type TemplatePayload } from "./templates";

export const SEND_NOTIFICATION = "send_notification";
/** Tries of one send job before graphile-worker gives up on it (with exponential backoff between). */
export const SEND_ATTEMPTS = 8;

/**
 * Emails one send job carries. A job per email cost the worker a fetch, a claim, a settle and a
 * completion for each (B2 in e2e/perf/RESULTS.md); a hundred share them, and the pooled SMTP
 * connections stay busy while other jobs claim and settle.
 */
export const SEND_BATCH = 100;

/**
 * `graphile_worker.add_jobs` for the outbox rows whose ids `ids` (a relation with an `id` column)
 * yields: one send job per SEND_BATCH of them. The job key names the batch's first row, so that
 * the job of any single email can be found as `notification:<id>`.
 */
export function sendJobsSql(ids: SQL): SQL {
  return sql`graphile_worker.add_jobs(array(
    select row(${SEND_NOTIFICATION}::text, json_build_object('notificationIds', b.ids), null, null, ${SEND_ATTEMPTS}, 'notification:' || b.ids[1], 0, null)::graphile_worker.job_spec
    from (
      select array_agg(n.id order by n.id) as ids
      from (select id, (row_number() over (order by id) - 1) / ${SEND_BATCH} as batch from ${ids}) n
      group by n.batch
    ) b
  ))`;
}

export type QueuedEmail<T extends EmailTemplate> = {
  eventKey: string;
  recipient: string;
  template: T;
  payload: TemplatePayload<T>;
  entityId?: string | null;
};

/**
 * Records emails in the outbox and enqueues their sending, in the caller's transaction: one
 * multi-row insert and one `add_jobs` call per thousand. `eventKey` names the event (e.g.
 * `invitation:<id>`): an event already queued is skipped, which is what makes "one event, one
 * email" hold across retries of the caller. Returns the ids of the rows actually added.
 * Fan-outs whose recipients come from the database use queueFanout (./fanout.ts) instead.
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
    await db.execute(sql`select ${sendJobsSql(sql`unnest(${uuidArray(ids)}) as id`)}`);
    added.push(...ids);
  }
  return added;
}

/** One email: its outbox id, or null when the event was already queued. */
export async function queueNotification<T extends EmailTemplate>(db: DbOrTx, item: QueuedEmail<T>): Promise<string | null> {
  const [id] = await queueNotifications(db, [item]);
  return id ?? null;
}
