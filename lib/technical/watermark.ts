import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { technicalWorkflowRuns } from "@/db/schema";

// Incremental technical workflows (budgetMgt, stockMgt) start from the campaigns stamped
// (campaigns.cost_changed_at) since their previous run's watermark.

/**
 * This run's watermark, for the next run to start from: the start of the oldest transaction open
 * now (ours included), so a change that commits after this run has read cannot slip behind it.
 * Autovacuum's transactions change no data and are left out.
 */
export async function transactionWatermark(tx: Tx): Promise<string> {
  const [row] = await tx.execute<{ watermark: string }>(sql`
    select coalesce(min(xact_start), now())::text as watermark from pg_stat_activity
    where datname = current_database() and backend_type = 'client backend' and xact_start is not null`);
  return row!.watermark;
}

/**
 * Where a workflow's next recorded run starts: the watermark of its last successful run, or null
 * (a full run) when there is none or its last full run is more than a day old. The daily full run
 * is the safety net for anything that changes a figure without stamping its campaign.
 */
export async function incrementalSince(db: DbOrTx, workflowId: "budgetMgt" | "stockMgt"): Promise<string | null> {
  const succeeded = and(eq(technicalWorkflowRuns.workflowId, workflowId), eq(technicalWorkflowRuns.outcome, "succeeded"));
  const [last] = await db.select({ details: technicalWorkflowRuns.details }).from(technicalWorkflowRuns).where(succeeded).orderBy(desc(technicalWorkflowRuns.startedAt)).limit(1);
  const [lastFull] = await db
    .select({ id: technicalWorkflowRuns.id })
    .from(technicalWorkflowRuns)
    .where(and(succeeded, sql`${technicalWorkflowRuns.details}->>'mode' = 'full'`, sql`${technicalWorkflowRuns.startedAt} > now() - interval '1 day'`))
    .limit(1);
  const w = last?.details.watermark;
  return lastFull && typeof w === "string" ? w : null;
}
