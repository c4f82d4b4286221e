import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { AppError } from "@/lib/errors";
import { uuidArray } from "@/lib/sql-arrays";
import { SEND_ATTEMPTS, SEND_NOTIFICATION } from "./queue";

/**
 * The outbox rows that a send job may still pick up: its jobs not yet given up by graphile-worker.
 * A batch job carries its rows in `notificationIds`; the public `jobs` view does not show
 * payloads, hence the private tables. Read once per statement (a hashed subplan), not per row.
 */
const liveJobRows = sql`(
  select e.id::uuid from graphile_worker._private_jobs j
  join graphile_worker._private_tasks t on t.id = j.task_id
  cross join lateral (
    select jsonb_array_elements_text(coalesce(j.payload::jsonb -> 'notificationIds', jsonb_build_array(j.payload::jsonb ->> 'notificationId'))) as id
  ) e
  -- NOT IN meets no NULL: one would make it match nothing.
  where t.identifier = ${SEND_NOTIFICATION} and j.attempts < j.max_attempts and e.id is not null)`;

/**
 * Of the outbox rows `ids`, the failed ones no job will try again: graphile-worker spent its
 * attempts (or the send gave them up), so only an operator's retry sends them now.
 */
export async function givenUp(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.execute<{ id: string }>(sql`
    select n.id from notifications n
    where n.id = any(${uuidArray(ids)}) and n.status = 'failed' and n.id not in ${liveJobRows}`);
  return new Set(rows.map((r) => r.id));
}

/**
 * An operator's retry of an email that was given up: queued again with a fresh job of its own, in
 * one transaction. Refused while a job may still send it: two jobs on one row could both claim it.
 */
export async function retryNotification(tx: Tx, id: string): Promise<{ id: string; status: "queued" }> {
  const [row] = await tx.execute<{ id: string }>(sql`
    update notifications n set status = 'queued', updated_at = now()
    where n.id = ${id} and n.status = 'failed' and n.id not in ${liveJobRows}
    returning n.id`);
  if (!row) {
    const [current] = await tx.execute<{ status: string }>(sql`select status from notifications where id = ${id}`);
    if (!current) throw new AppError("not_found");
    throw new AppError(
      "conflict",
      current.status === "failed"
        ? "This email is still being retried automatically: its next attempt is scheduled. Retry it once it has given up."
        : `This email is ${current.status} now: there is nothing to retry.`,
    );
  }
  await tx.execute(sql`select graphile_worker.add_job(${SEND_NOTIFICATION}, json_build_object('notificationIds', json_build_array(${id}::text)),
    max_attempts := ${SEND_ATTEMPTS}, job_key := ${`notification-retry:${id}`})`);
  return { id, status: "queued" };
}
