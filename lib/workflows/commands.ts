import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaigns, workflows } from "@/db/schema";
import { stopWorkflowDeliveries } from "@/lib/deliveries/start";
import { AppError } from "@/lib/errors";
import { runOperationMgtSoon } from "@/lib/technical/task";
import type { WorkflowStatus } from "./labels";

export type WorkflowCommand = "start" | "pause" | "stop";

// Where each command may be asked from, and the status it shows while it waits (§2).
const allowedFrom: Record<WorkflowCommand, WorkflowStatus[]> = {
  start: ["being_edited", "paused"],
  pause: ["started"],
  stop: ["start_pending", "started", "paused"],
};

/** The commands a workflow in this status offers (none while another one waits). */
export function commandsFor(status: WorkflowStatus, pending: WorkflowCommand | null): WorkflowCommand[] {
  if (pending) return [];
  return (Object.keys(allowedFrom) as WorkflowCommand[]).filter((c) => allowedFrom[c].includes(status));
}

/**
 * Asks for a start, pause or stop. Commands are asynchronous: this only records the request
 * (a start shows as *Start pending*), and operationMgt carries it out on its next run. The UPDATE
 * is guarded on the status, so two operators asking at once produce one request.
 */
export async function requestWorkflowCommand(tx: Tx, scope: { entityId: string | null }, input: { campaignId: string; command: WorkflowCommand }) {
  const [campaign] = await tx
    .select({ id: campaigns.id, entityId: campaigns.entityId })
    .from(campaigns)
    .where(and(eq(campaigns.id, input.campaignId), scope.entityId ? eq(campaigns.entityId, scope.entityId) : sql`${campaigns.entityId} is null`));
  // An entity's request for another entity's campaign, or the central team's for an entity's
  // own campaign, answers like a missing one: each runs its own.
  if (!campaign) throw new AppError("not_found");
  const [workflow] = await tx.select().from(workflows).where(eq(workflows.campaignId, campaign.id)).orderBy(asc(workflows.id)).limit(1);
  if (!workflow) throw new AppError("conflict", "This campaign has no workflow to run.");
  const [row] = await tx
    .update(workflows)
    .set({ pendingCommand: input.command, ...(input.command === "start" ? { status: "start_pending" as const } : {}), updatedAt: sql`now()` })
    .where(and(eq(workflows.id, workflow.id), inArray(workflows.status, allowedFrom[input.command]), sql`${workflows.pendingCommand} is null`))
    .returning({ id: workflows.id });
  if (row) await runOperationMgtSoon(tx);
  if (!row) throw new AppError("conflict", `The workflow cannot ${input.command} now: it is ${workflow.status.replace("_", " ")}${workflow.pendingCommand ? `, with a ${workflow.pendingCommand} waiting` : ""}.`);
  return { workflowId: row.id, pending: input.command };
}

/**
 * operationMgt's part of the workflow commands (§10): each pending command is carried out. A
 * start from Being edited begins a fresh run (its activities then run in `advanceWorkflows`); a
 * start from Paused resumes where it stopped; a stop also stops the workflow's unfinished
 * deliveries. Each workflow is locked and skipped if another worker holds it, so two runs never
 * carry out one command twice.
 */
export async function carryOutWorkflowCommands(tx: Tx): Promise<{ started: number; paused: number; stopped: number }> {
  const pending = await tx
    .select({ workflow: workflows, campaign: { id: campaigns.id, entityId: campaigns.entityId, status: campaigns.status } })
    .from(workflows)
    .innerJoin(campaigns, eq(campaigns.id, workflows.campaignId))
    .where(isNotNull(workflows.pendingCommand))
    .orderBy(asc(workflows.updatedAt))
    .limit(500)
    .for("update", { of: workflows, skipLocked: true });
  const done = { started: 0, paused: 0, stopped: 0 };
  for (const { workflow, campaign } of pending) {
    if (workflow.pendingCommand === "start") {
      const fresh = workflow.runState.done.length === 0 && Object.keys(workflow.runState.waiting).length === 0;
      const reset = fresh ? { populations: {}, runState: { done: [], waiting: {} } } : {};
      await tx.update(workflows).set({ status: "started", pendingCommand: null, ...reset, updatedAt: sql`now()` }).where(eq(workflows.id, workflow.id));
      if (campaign.status === "being_edited" || campaign.status === "to_validate") await tx.update(campaigns).set({ status: "started" }).where(eq(campaigns.id, campaign.id));
      done.started += 1;
    } else {
      const status = workflow.pendingCommand === "pause" ? ("paused" as const) : ("stopped" as const);
      await tx.update(workflows).set({ status, pendingCommand: null, updatedAt: sql`now()` }).where(eq(workflows.id, workflow.id));
      if (status === "stopped") await stopWorkflowDeliveries(tx, workflow.id);
      done[status] += 1;
    }
  }
  return done;
}
