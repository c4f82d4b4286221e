import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db";
import { technicalWorkflowRuns, technicalWorkflows, users } from "@/db/schema";
import { enqueueJob } from "@/jobs/enqueue";
import { AppError } from "@/lib/errors";
import { RUN_TECHNICAL_WORKFLOW, technicalWorkflow, technicalWorkflowList } from "./registry";

export type Trigger = "schedule" | "manual" | "command";

async function statusOf(db: DbOrTx, id: string): Promise<"started" | "stopped"> {
  const row = await db.query.technicalWorkflows.findFirst({ where: eq(technicalWorkflows.id, id), columns: { status: true } });
  return row?.status ?? "started";
}

/**
 * One run: recorded as running first (in its own statement, so the page shows it at once), then
 * the work in one transaction, then the outcome. A failure is recorded, not rethrown: the next
 * scheduled run is the retry, and the history says what went wrong. A stopped workflow skips its
 * scheduled runs; an administrator's Run now still runs it.
 */
export async function runTechnicalWorkflow(db: Db, id: string, trigger: Trigger): Promise<{ ran: boolean; runId?: string }> {
  const w = technicalWorkflow(id);
  if (!w) return { ran: false };
  // Stopped means stopped: only an administrator's explicit Run now still runs it.
  if (trigger !== "manual" && (await statusOf(db, id)) === "stopped") return { ran: false };
  // A run that never finished (the worker died) is closed as interrupted before a new one starts.
  await db
    .update(technicalWorkflowRuns)
    .set({ outcome: "failed", finishedAt: sql`now()`, error: "Interrupted: the worker stopped during the run." })
    .where(and(eq(technicalWorkflowRuns.workflowId, id), eq(technicalWorkflowRuns.outcome, "running"), lt(technicalWorkflowRuns.startedAt, sql`now() - interval '1 hour'`)));
  const [run] = await db.insert(technicalWorkflowRuns).values({ workflowId: id, trigger }).returning({ id: technicalWorkflowRuns.id });
  try {
    const result = await db.transaction((tx) => w.run(tx));
    await db
      .update(technicalWorkflowRuns)
      .set({ outcome: "succeeded", finishedAt: sql`now()`, itemsHandled: result.itemsHandled, details: result.details })
      .where(eq(technicalWorkflowRuns.id, run!.id));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.update(technicalWorkflowRuns).set({ outcome: "failed", finishedAt: sql`now()`, error: message.slice(0, 2000) }).where(eq(technicalWorkflowRuns.id, run!.id));
  }
  return { ran: true, runId: run!.id };
}

/** Run now: queued for the worker; a second click before it starts does not queue a second run. */
export async function requestRun(tx: Tx, id: string) {
  const w = technicalWorkflow(id);
  if (!w) throw new AppError("not_found");
  await enqueueJob(tx, RUN_TECHNICAL_WORKFLOW, { workflow: id, trigger: "manual" }, { jobKey: `technical:${id}:manual`, maxAttempts: 1 });
  return { queued: true };
}

export async function setStatus(tx: Tx, actorId: string, id: string, status: "started" | "stopped") {
  const w = technicalWorkflow(id);
  if (!w) throw new AppError("not_found");
  await tx
    .insert(technicalWorkflows)
    .values({ id, status, updatedById: actorId })
    .onConflictDoUpdate({ target: technicalWorkflows.id, set: { status, updatedById: actorId, updatedAt: sql`now()` } });
  return { status };
}

/** What the Technical workflows page shows: each workflow's status, its last run and recent history. */
export async function technicalOverview(db: DbOrTx, historyPerWorkflow = 10) {
  const states = await db
    .select({ id: technicalWorkflows.id, status: technicalWorkflows.status, updatedAt: technicalWorkflows.updatedAt, updatedBy: users.name })
    .from(technicalWorkflows)
    .leftJoin(users, eq(users.id, technicalWorkflows.updatedById));
  return Promise.all(
    technicalWorkflowList.map(async (w) => {
      const state = states.find((s) => s.id === w.id);
      const history = await db
        .select()
        .from(technicalWorkflowRuns)
        .where(eq(technicalWorkflowRuns.workflowId, w.id))
        .orderBy(desc(technicalWorkflowRuns.startedAt))
        .limit(historyPerWorkflow);
      return { id: w.id, label: w.label, description: w.description, every: w.every, status: state?.status ?? "started", changedBy: state?.updatedBy ?? null, history };
    }),
  );
}
