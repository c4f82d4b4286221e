import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { campaigns, contacts, orders, packages, workflows, type WorkflowActivity } from "@/db/schema";
import { targetingWhere } from "@/lib/campaigns/targeting";
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

/** Entities whose contacts a campaign targets: its own entity, or a reference's subscribed entities. */
async function targetedEntities(db: DbOrTx, campaign: { id: string; entityId: string | null }): Promise<string[]> {
  if (campaign.entityId) return [campaign.entityId];
  const rows = await db
    .selectDistinct({ entityId: orders.entityId })
    .from(orders)
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .where(and(eq(packages.referenceCampaignId, campaign.id), eq(packages.kind, "collaborative"), inArray(orders.status, ["approved", "available"])));
  return rows.map((r) => r.entityId);
}

async function queryPopulation(tx: Tx, workflow: typeof workflows.$inferSelect, campaign: { id: string; entityId: string | null }) {
  const entityIds = await targetedEntities(tx, campaign);
  if (!entityIds.length) return 0;
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(contacts).where(targetingWhere(entityIds, workflow.targeting));
  return row?.n ?? 0;
}

/**
 * operationMgt's part of the workflow commands (§10): each pending command is carried out. A
 * start runs the Query activity (the campaign's targeting over its entities' contacts) and
 * records the population on it; the later activities run with campaign execution. Each workflow
 * is locked and skipped if another worker holds it, so two runs never carry out one command twice.
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
      const query = workflow.activities.find((a: WorkflowActivity) => a.kind === "query");
      const populations = query ? { ...workflow.populations, [query.id]: await queryPopulation(tx, workflow, campaign) } : workflow.populations;
      await tx.update(workflows).set({ status: "started", pendingCommand: null, populations, updatedAt: sql`now()` }).where(eq(workflows.id, workflow.id));
      if (campaign.status === "being_edited" || campaign.status === "to_validate") await tx.update(campaigns).set({ status: "started" }).where(eq(campaigns.id, campaign.id));
      done.started += 1;
    } else {
      const status = workflow.pendingCommand === "pause" ? ("paused" as const) : ("stopped" as const);
      await tx.update(workflows).set({ status, pendingCommand: null, updatedAt: sql`now()` }).where(eq(workflows.id, workflow.id));
      done[status] += 1;
    }
  }
  return done;
}
