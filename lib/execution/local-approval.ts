import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { approvalTasks, campaigns, dataDistributions, workflows, workflowTargets, type WorkflowActivity } from "@/db/schema";
import { enqueueJob } from "@/jobs/enqueue";
import { AppError } from "@/lib/errors";
import { createActionTokens } from "@/lib/links/tokens";
import { appUrl } from "@/lib/links/urls";
import { queueNotifications } from "@/lib/notifications/queue";
import { entityRecipients } from "@/lib/packages/recipients";
import { runOperationMgtSoon } from "@/lib/technical/task";
import { formatDateTime } from "@/lib/utils";

export const REMIND_TARGET_APPROVAL = "remind_target_approval";
export const DEFAULT_APPROVAL_DAYS = 3;

async function approveTargetedFor(tx: Tx, activity: WorkflowActivity): Promise<boolean> {
  if (!activity.distributionId) return true;
  const [d] = await tx.select({ approveTargeted: dataDistributions.approveTargeted }).from(dataDistributions).where(eq(dataDistributions.id, activity.distributionId));
  return d?.approveTargeted ?? true;
}

/**
 * Opens a Local approval activity (§6): contacts start checked when the distribution says
 * **Approve targeted messages**, one task per entity that has contacts in the run, its
 * [Target approval] email to the entity's notification group, and its reminders before the
 * deadline, all in the transaction that opens it.
 */
export async function openLocalApproval(tx: Tx, workflowId: string, campaignId: string, activity: WorkflowActivity): Promise<number> {
  const preChecked = await approveTargetedFor(tx, activity);
  await tx.update(workflowTargets).set({ checked: preChecked }).where(and(eq(workflowTargets.workflowId, workflowId), isNull(workflowTargets.excludedBy)));
  const days = activity.deadlineDays ?? DEFAULT_APPROVAL_DAYS;
  const tasks = await tx.execute<{ id: string; entity_id: string; deadline: string; contacts: number }>(sql`
    with per_entity as (
      select entity_id, count(*)::int as contacts from workflow_targets
      where workflow_id = ${workflowId} and excluded_by is null group by entity_id
    ), created as (
      insert into approval_tasks (workflow_id, activity_id, entity_id, deadline)
      select ${workflowId}, ${activity.id}, entity_id, now() + make_interval(days => ${days}) from per_entity
      on conflict do nothing
      returning id, entity_id, deadline
    )
    select c.id, c.entity_id, c.deadline, p.contacts from created c join per_entity p using (entity_id)`);
  if (!tasks.length) return 0;
  const [campaign] = await tx.select({ label: campaigns.label }).from(campaigns).where(eq(campaigns.id, campaignId));
  await emailTasks(tx, [...tasks].map((t) => ({ id: t.id, entityId: t.entity_id, deadline: new Date(t.deadline), contacts: t.contacts })), campaign?.label ?? "", null);
  for (const t of tasks) {
    for (const hours of activity.reminderHours ?? [24]) {
      const runAt = new Date(new Date(t.deadline).getTime() - hours * 3_600_000);
      if (runAt.getTime() > Date.now()) await enqueueJob(tx, REMIND_TARGET_APPROVAL, { taskId: t.id, hours }, { runAt, jobKey: `target-approval:${t.id}:remind:${hours}` });
    }
  }
  return tasks.length;
}

async function emailTasks(tx: Tx, tasks: { id: string; entityId: string; deadline: Date; contacts: number }[], campaignLabel: string, reminderHours: number | null) {
  const recipients = new Map((await entityRecipients(tx, tasks.map((t) => t.entityId))).map((r) => [r.entityId, r]));
  const people = tasks.flatMap((t) => {
    const r = recipients.get(t.entityId);
    if (!r) return [];
    const members = r.members.length ? r.members : r.emails.map((email) => ({ userId: null as string | null, email }));
    return members.map((m) => ({ task: t, r, email: m.email, userId: m.userId }));
  });
  const tokens = await createActionTokens(tx, "target_approval", people.map((p) => ({ email: p.email, userId: p.userId, entityId: p.task.entityId, subjectId: p.task.id })));
  await queueNotifications(
    tx,
    people.map((p, i) => ({
      eventKey: `target-approval:${p.task.id}:${reminderHours === null ? "open" : `remind:${reminderHours}`}:${p.email}`,
      recipient: p.email,
      entityId: p.task.entityId,
      template: "target_approval" as const,
      payload: { campaignLabel, entityLabel: p.r.label, contacts: p.task.contacts, deadline: formatDateTime(p.task.deadline), url: appUrl(`/links/${tokens[i]}`), reminder: reminderHours !== null },
    })),
  );
}

/** A reminder job: only a task still waiting for its entity's answer is reminded, once per delay. */
export async function remindTargetApproval(tx: Tx, taskId: string, hours: number): Promise<number> {
  const [task] = await tx
    .select({ id: approvalTasks.id, entityId: approvalTasks.entityId, deadline: approvalTasks.deadline, workflowId: approvalTasks.workflowId, campaignLabel: campaigns.label })
    .from(approvalTasks)
    .innerJoin(workflows, eq(workflows.id, approvalTasks.workflowId))
    .innerJoin(campaigns, eq(campaigns.id, workflows.campaignId))
    .where(and(eq(approvalTasks.id, taskId), eq(approvalTasks.status, "pending"), sql`${approvalTasks.deadline} > now()`));
  if (!task) return 0;
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(workflowTargets)
    .where(and(eq(workflowTargets.workflowId, task.workflowId), eq(workflowTargets.entityId, task.entityId), isNull(workflowTargets.excludedBy)));
  await emailTasks(tx, [{ id: task.id, entityId: task.entityId, deadline: task.deadline, contacts: n?.n ?? 0 }], task.campaignLabel, hours);
  return 1;
}

/**
 * Whether the activity may close: every entity answered, or the deadline passed. Closing applies
 * §6: an approving entity loses its unchecked contacts; a silent one keeps its pre-checked set
 * when **Approve targeted messages** is on, and loses every contact otherwise.
 */
export async function settleLocalApproval(tx: Tx, workflowId: string, activity: WorkflowActivity): Promise<boolean> {
  const [open] = await tx
    .select({ waiting: sql<number>`count(*) filter (where ${approvalTasks.status} = 'pending' and ${approvalTasks.deadline} > now())::int` })
    .from(approvalTasks)
    .where(and(eq(approvalTasks.workflowId, workflowId), eq(approvalTasks.activityId, activity.id)));
  if ((open?.waiting ?? 0) > 0) return false;
  const expired = await tx
    .update(approvalTasks)
    .set({ status: "expired" })
    .where(and(eq(approvalTasks.workflowId, workflowId), eq(approvalTasks.activityId, activity.id), eq(approvalTasks.status, "pending")))
    .returning({ entityId: approvalTasks.entityId });
  const approved = await tx
    .select({ entityId: approvalTasks.entityId })
    .from(approvalTasks)
    .where(and(eq(approvalTasks.workflowId, workflowId), eq(approvalTasks.activityId, activity.id), eq(approvalTasks.status, "approved")));
  const live = and(eq(workflowTargets.workflowId, workflowId), isNull(workflowTargets.excludedBy));
  if (approved.length) {
    await tx
      .update(workflowTargets)
      .set({ excludedBy: activity.id, reason: "unchecked" })
      .where(and(live, eq(workflowTargets.checked, false), inArray(workflowTargets.entityId, approved.map((a) => a.entityId))));
  }
  if (expired.length && !(await approveTargetedFor(tx, activity))) {
    await tx
      .update(workflowTargets)
      .set({ excludedBy: activity.id, reason: "not_answered" })
      .where(and(live, inArray(workflowTargets.entityId, expired.map((e) => e.entityId))));
  }
  return true;
}

async function pendingTask(tx: Tx, entityId: string, taskId: string) {
  const [task] = await tx
    .select({ id: approvalTasks.id, workflowId: approvalTasks.workflowId, status: approvalTasks.status, open: sql<boolean>`${approvalTasks.deadline} > now()` })
    .from(approvalTasks)
    .where(and(eq(approvalTasks.id, taskId), eq(approvalTasks.entityId, entityId)))
    .for("update");
  // Another entity's task answers like a missing one.
  if (!task) throw new AppError("not_found");
  if (task.status !== "pending") throw new AppError("conflict", "This targeting has already been approved.");
  if (!task.open) throw new AppError("conflict", "The approval deadline has passed: the targeting can no longer change.");
  return task;
}

/** Checks or unchecks some of the entity's contacts on its approval page; kept as they are clicked. */
export async function setTargetChecks(tx: Tx, entityId: string, input: { taskId: string; contactIds: string[] | "all"; checked: boolean }) {
  const task = await pendingTask(tx, entityId, input.taskId);
  const res = await tx
    .update(workflowTargets)
    .set({ checked: input.checked })
    .where(
      and(
        eq(workflowTargets.workflowId, task.workflowId),
        eq(workflowTargets.entityId, entityId),
        isNull(workflowTargets.excludedBy),
        input.contactIds === "all" ? undefined : inArray(workflowTargets.contactId, input.contactIds),
      ),
    )
    .returning({ id: workflowTargets.contactId });
  return { changed: res.length };
}

/** **Approve targeting**: the entity's answer, once; the workflow resumes when everyone answered. */
export async function approveTargeting(tx: Tx, entityId: string, userId: string, input: { taskId: string; comment: string }) {
  await pendingTask(tx, entityId, input.taskId);
  await tx
    .update(approvalTasks)
    .set({ status: "approved", comment: input.comment, decidedById: userId, decidedAt: sql`now()` })
    .where(eq(approvalTasks.id, input.taskId));
  await runOperationMgtSoon(tx);
  return { taskId: input.taskId };
}
