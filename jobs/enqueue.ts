import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db";

export type EnqueueOptions = { jobKey?: string; runAt?: Date; maxAttempts?: number; priority?: number };

/**
 * Adds a graphile-worker job with SQL, inside the caller's transaction: the job exists if and
 * only if the change that needs it commits. Importing graphile-worker itself into Next is avoided.
 */
export async function enqueueJob(db: DbOrTx, task: string, payload: object, opts: EnqueueOptions = {}): Promise<void> {
  await db.execute(sql`select graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${opts.runAt?.toISOString() ?? null}::timestamptz,
    max_attempts => ${opts.maxAttempts ?? 10}::int,
    job_key => ${opts.jobKey ?? null}::text,
    priority => ${opts.priority ?? 0}::int
  )`);
}
