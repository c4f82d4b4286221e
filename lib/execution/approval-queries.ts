import { and, asc, count, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { approvalTasks, campaigns, contacts, deliveries, deliveryMessages, workflows, workflowTargets } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";

/** The entity's target-approval tasks, open ones first. */
export async function listApprovalTasks(db: DbOrTx, entityId: string) {
  return db
    .select({
      id: approvalTasks.id,
      status: approvalTasks.status,
      deadline: approvalTasks.deadline,
      decidedAt: approvalTasks.decidedAt,
      campaignLabel: campaigns.label,
      open: sql<boolean>`${approvalTasks.status} = 'pending' and ${approvalTasks.deadline} > now()`,
    })
    .from(approvalTasks)
    .innerJoin(workflows, eq(workflows.id, approvalTasks.workflowId))
    .innerJoin(campaigns, eq(campaigns.id, workflows.campaignId))
    .where(eq(approvalTasks.entityId, entityId))
    .orderBy(desc(sql`${approvalTasks.status} = 'pending'`), asc(approvalTasks.deadline))
    .limit(100);
}

/** One task of the entity, with its counts; another entity's task reads as missing. */
export async function getApprovalTask(db: DbOrTx, entityId: string, taskId: string) {
  const [task] = await db
    .select({
      id: approvalTasks.id,
      workflowId: approvalTasks.workflowId,
      status: approvalTasks.status,
      deadline: approvalTasks.deadline,
      comment: approvalTasks.comment,
      decidedAt: approvalTasks.decidedAt,
      campaignId: campaigns.id,
      campaignLabel: campaigns.label,
      open: sql<boolean>`${approvalTasks.status} = 'pending' and ${approvalTasks.deadline} > now()`,
    })
    .from(approvalTasks)
    .innerJoin(workflows, eq(workflows.id, approvalTasks.workflowId))
    .innerJoin(campaigns, eq(campaigns.id, workflows.campaignId))
    .where(and(eq(approvalTasks.id, taskId), eq(approvalTasks.entityId, entityId)));
  if (!task) return null;
  const [n] = await db
    .select({ total: count(), checked: sql<number>`count(*) filter (where ${workflowTargets.checked})::int` })
    .from(workflowTargets)
    .where(and(eq(workflowTargets.workflowId, task.workflowId), eq(workflowTargets.entityId, entityId), isNull(workflowTargets.excludedBy)));
  return { ...task, total: n?.total ?? 0, checked: n?.checked ?? 0 };
}

/** The run's deliveries that reached the entity's contacts: links to its feedback reports. */
export async function reachedDeliveries(db: DbOrTx, entityId: string, workflowId: string) {
  return db
    .selectDistinct({ id: deliveries.id, label: deliveries.label })
    .from(deliveries)
    .innerJoin(deliveryMessages, and(eq(deliveryMessages.deliveryId, deliveries.id), eq(deliveryMessages.entityId, entityId)))
    .where(eq(deliveries.workflowId, workflowId));
}

export const approvalContactSortable = ["lastName", "firstName", "email"] as const;

/** A page of the entity's targeted contacts, with whether each is checked. */
export async function listApprovalContacts(db: DbOrTx, entityId: string, workflowId: string, query: TableQuery<(typeof approvalContactSortable)[number]>) {
  const filters: SQL[] = [eq(workflowTargets.workflowId, workflowId), eq(workflowTargets.entityId, entityId), isNull(workflowTargets.excludedBy)];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(contacts.email, p), ilike(contacts.lastName, p), ilike(contacts.firstName, p))!);
  }
  const where = and(...filters);
  const column = { lastName: contacts.lastName, firstName: contacts.firstName, email: contacts.email }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: contacts.id, email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName, checked: workflowTargets.checked })
      .from(workflowTargets)
      .innerJoin(contacts, eq(contacts.id, workflowTargets.contactId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(contacts.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(workflowTargets).innerJoin(contacts, eq(contacts.id, workflowTargets.contactId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
