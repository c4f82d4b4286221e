import { and, asc, count, eq, ilike, isNull, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaigns, campaignStatuses, campaignTemplates, programs, users, workflows, type WorkflowActivity } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { graphForForm } from "@/lib/workflows/save-graph";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { toDayInput } from "./labels";
import type { CampaignInput } from "./schemas";

export const campaignSortable = ["label", "internalName", "template", "program", "startDate", "endDate", "status"] as const;
export type CampaignSort = (typeof campaignSortable)[number];
export type CampaignStatus = (typeof campaignStatuses)[number];

// Reference campaigns are the central entity's own: local and child campaigns carry an entity.
const central = isNull(campaigns.entityId);

export async function listCampaigns(db: DbOrTx, query: TableQuery<CampaignSort> & { status?: CampaignStatus }) {
  const filters: SQL[] = [central];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(campaigns.label, p), ilike(campaigns.internalName, p))!);
  }
  if (query.status) filters.push(eq(campaigns.status, query.status));
  const where = and(...filters);
  const column = {
    label: campaigns.label,
    internalName: campaigns.internalName,
    template: campaignTemplates.label,
    program: programs.label,
    startDate: campaigns.startDate,
    endDate: campaigns.endDate,
    status: campaigns.status,
  }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: campaigns.id,
        label: campaigns.label,
        internalName: campaigns.internalName,
        templateLabel: campaignTemplates.label,
        programLabel: programs.label,
        managerName: users.name,
        startDate: campaigns.startDate,
        endDate: campaigns.endDate,
        type: campaigns.type,
        occurrenceOf: campaigns.occurrenceOf,
        status: campaigns.status,
      })
      .from(campaigns)
      .leftJoin(campaignTemplates, eq(campaignTemplates.id, campaigns.templateId))
      .leftJoin(programs, eq(programs.id, campaigns.programId))
      .leftJoin(users, eq(users.id, campaigns.managerId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(campaigns.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type CampaignRow = Awaited<ReturnType<typeof listCampaigns>>["rows"][number];

export async function getCampaignForEdit(db: DbOrTx, id: string) {
  const c = await db.query.campaigns.findFirst({ where: and(eq(campaigns.id, id), central) });
  if (!c) return null;
  const [workflow] = await db.select().from(workflows).where(eq(workflows.campaignId, id)).orderBy(asc(workflows.id)).limit(1);
  const activities: WorkflowActivity[] = workflow?.activities ?? [];
  const values: CampaignInput = {
    label: c.label,
    internalName: c.internalName,
    programId: c.programId ?? "",
    templateId: c.templateId ?? "",
    managerId: c.managerId ?? "",
    startDate: toDayInput(c.startDate),
    endDate: toDayInput(c.endDate),
    type: c.type,
    recurrence: c.recurrence ? { every: c.recurrence.every, unit: c.recurrence.unit } : null,
    activities: workflow ? await graphForForm(db, { campaignId: c.id, workflowId: workflow.id }, activities) : [],
    content: { subject: c.content.subject, body: c.content.body },
    targeting: (workflow?.targeting ?? []).map((t) => ({ field: t.field, operator: t.operator, value: t.value })),
    typology: {
      pressure: c.typology.pressure ? { maxMessages: c.typology.pressure.maxMessages, days: c.typology.pressure.days } : null,
      excludeUnsubscribed: c.typology.excludeUnsubscribed,
      excludeBounced: c.typology.excludeBounced,
      controlGroupPercent: c.typology.controlGroupPercent,
    },
  };
  return {
    campaign: c,
    workflow: workflow ? { status: workflow.status, activities, pendingCommand: workflow.pendingCommand, populations: workflow.populations, runState: workflow.runState } : null,
    values,
  };
}

/** Central operators who can manage a campaign. */
export async function managerOptions(db: DbOrTx) {
  return db
    .select({ id: users.id, label: users.name })
    .from(users)
    .where(and(eq(users.role, "central"), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .limit(1000);
}
