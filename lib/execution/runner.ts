import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaigns, deliveries, deliveryMessages, workflows, type WorkflowActivity } from "@/db/schema";
import { markDeliveryReached } from "@/lib/deliveries/start";
import { openLocalApproval, settleLocalApproval } from "./local-approval";
import { remaining, runQuery, runSplit, type RunCampaign } from "./population";

type RunState = { done: string[]; waiting: Record<string, string | null> };
type Ctx = { tx: Tx; workflow: typeof workflows.$inferSelect; campaign: RunCampaign; state: RunState; populations: Record<string, number> };

const closedDelivery = new Set(["finished", "stopped", "canceled"]);

/**
 * Runs one activity as far as it can go now. Returns true when it is done; false when it waits
 * (for entities' answers, a delivery, or time), recording what it waits for in the run state.
 */
async function runActivity(ctx: Ctx, a: WorkflowActivity, predecessor: string | undefined): Promise<boolean> {
  const { tx, workflow, campaign, state, populations } = ctx;
  const waiting = a.id in state.waiting;
  switch (a.kind) {
    case "query":
      populations[a.id] = await runQuery(tx, workflow.id, campaign, workflow.targeting);
      return true;
    case "split":
      if (!a.distributionId) throw new Error(`Split "${a.label}" has no data distribution`);
      populations[a.id] = await runSplit(tx, workflow.id, a.id, a.distributionId);
      return true;
    case "local_approval":
      if (!waiting) {
        const tasks = await openLocalApproval(tx, workflow.id, campaign.id, a);
        state.waiting[a.id] = null;
        if (tasks > 0) return false;
      }
      if (!(await settleLocalApproval(tx, workflow.id, a))) return false;
      populations[a.id] = await remaining(tx, workflow.id);
      return true;
    case "delivery": {
      if (!a.deliveryId) return true;
      if (!waiting) {
        await markDeliveryReached(tx, a.deliveryId, campaign.id);
        state.waiting[a.id] = null;
        return false;
      }
      const [d] = await tx.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.id, a.deliveryId));
      if (d && !closedDelivery.has(d.status)) return false;
      const [sent] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(deliveryMessages)
        .where(and(eq(deliveryMessages.deliveryId, a.deliveryId), eq(deliveryMessages.status, "sent")));
      populations[a.id] = sent?.n ?? 0;
      return true;
    }
    case "wait": {
      if (!waiting) {
        state.waiting[a.id] = new Date(Date.now() + (a.waitMinutes ?? 0) * 60_000).toISOString();
        return false;
      }
      const until = state.waiting[a.id];
      if (until && Date.parse(until) > Date.now()) return false;
      if (predecessor && populations[predecessor] !== undefined) populations[a.id] = populations[predecessor]!;
      return true;
    }
    case "end":
      populations[a.id] = predecessor && populations[predecessor] !== undefined ? populations[predecessor]! : await remaining(tx, workflow.id);
      return true;
  }
}

async function advanceOne(tx: Tx, workflow: typeof workflows.$inferSelect, campaign: RunCampaign & { status: string }): Promise<boolean> {
  const ctx: Ctx = { tx, workflow, campaign, state: structuredClone(workflow.runState), populations: { ...workflow.populations } };
  const incoming = new Map<string, string>();
  for (const a of workflow.activities) for (const n of a.next) incoming.set(n, a.id);
  const before = JSON.stringify([workflow.runState, workflow.populations]);
  for (let progressed = true; progressed; ) {
    progressed = false;
    for (const a of workflow.activities) {
      if (ctx.state.done.includes(a.id)) continue;
      const pred = incoming.get(a.id);
      if (pred && !ctx.state.done.includes(pred)) continue;
      if (await runActivity(ctx, a, pred)) {
        ctx.state.done.push(a.id);
        delete ctx.state.waiting[a.id];
        progressed = true;
      }
    }
  }
  const finished = workflow.activities.every((a) => ctx.state.done.includes(a.id));
  if (!finished && JSON.stringify([ctx.state, ctx.populations]) === before) return false;
  await tx
    .update(workflows)
    .set({ runState: ctx.state, populations: ctx.populations, ...(finished ? { status: "finished" as const } : {}), updatedAt: sql`now()` })
    .where(eq(workflows.id, workflow.id));
  if (finished && campaign.status === "started") {
    // The campaign is finished once none of its workflows is still running.
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(workflows)
      .where(and(eq(workflows.campaignId, campaign.id), ne(workflows.status, "finished"), ne(workflows.status, "stopped")));
    if (!open?.n) await tx.update(campaigns).set({ status: "finished" }).where(and(eq(campaigns.id, campaign.id), eq(campaigns.status, "started")));
  }
  return true;
}

// A workflow with no activities has nothing to run; a model's occurrences run instead of it.
function runnable(workflow: { activities: WorkflowActivity[] }, campaign: { type: string; occurrenceOf: string | null }): boolean {
  return workflow.activities.length > 0 && (campaign.type === "unique" || campaign.occurrenceOf !== null);
}

/**
 * operationMgt's execution step (§10): every started workflow moves on as far as it can, each
 * locked and skipped if another run holds it. The models of recurring and periodic campaigns do
 * not run themselves: their occurrences do.
 */
export async function advanceWorkflows(tx: Tx, limit = 100): Promise<{ advanced: number }> {
  const rows = await tx
    .select({ workflow: workflows, campaign: { id: campaigns.id, entityId: campaigns.entityId, templateId: campaigns.templateId, status: campaigns.status, type: campaigns.type, occurrenceOf: campaigns.occurrenceOf } })
    .from(workflows)
    .innerJoin(campaigns, eq(campaigns.id, workflows.campaignId))
    .where(and(eq(workflows.status, "started"), isNull(workflows.pendingCommand)))
    .orderBy(asc(workflows.updatedAt))
    .limit(limit)
    .for("update", { of: workflows, skipLocked: true });
  let advanced = 0;
  for (const { workflow, campaign } of rows) {
    if (runnable(workflow, campaign) && (await advanceOne(tx, workflow, campaign))) advanced += 1;
  }
  return { advanced };
}

/** One workflow, moved on as far as it can go now (what operationMgt does for each). */
export async function advanceWorkflow(tx: Tx, workflowId: string): Promise<boolean> {
  const [row] = await tx
    .select({ workflow: workflows, campaign: { id: campaigns.id, entityId: campaigns.entityId, templateId: campaigns.templateId, status: campaigns.status, type: campaigns.type, occurrenceOf: campaigns.occurrenceOf } })
    .from(workflows)
    .innerJoin(campaigns, eq(campaigns.id, workflows.campaignId))
    .where(and(eq(workflows.id, workflowId), eq(workflows.status, "started"), isNull(workflows.pendingCommand)))
    .for("update", { of: workflows });
  if (!row || !runnable(row.workflow, row.campaign)) return false;
  return advanceOne(tx, row.workflow, row.campaign);
}
