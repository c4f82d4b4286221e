import { and, asc, count, eq, ilike, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "@/db";
import { campaigns, campaignStatuses, campaignTemplates, workflows, type LocalEditablePart, type PersonalizationField } from "@/db/schema";
import type { Membership } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { initialParameters, parametersSchema } from "@/lib/orders/parameters";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { campaignStatusLabels, workflowStatusLabels } from "./labels";
import { graphForForm, graphSaveProblems, sameGraph, saveGraphDeliveries } from "@/lib/workflows/save-graph";
import { defaultLocalEditable, localEditableParts, normalizeTargeting, sameTargeting, sameTypology, type LocalCampaignValues } from "./local-schemas";
import { evaluateTarget } from "./targeting";

// A local entity's own campaigns (local package) and child campaigns (by campaign, §3): what
// "My campaigns" lists and what the campaign page lets the entity change. Every query is scoped
// to the entity: another entity's campaign answers exactly like a missing one.

export const entityCampaignSortable = ["label", "parent", "status", "startDate", "endDate"] as const;
export type EntityCampaignSort = (typeof entityCampaignSortable)[number];
export type CampaignStatus = (typeof campaignStatuses)[number];

const parent = alias(campaigns, "parent");

export async function listEntityCampaigns(db: DbOrTx, entityId: string, query: TableQuery<EntityCampaignSort> & { status?: CampaignStatus }) {
  const filters: SQL[] = [eq(campaigns.entityId, entityId)];
  if (query.q) filters.push(ilike(campaigns.label, likePattern(query.q)));
  if (query.status) filters.push(eq(campaigns.status, query.status));
  const where = and(...filters);
  const column = {
    label: campaigns.label,
    parent: parent.label,
    status: campaigns.status,
    startDate: campaigns.startDate,
    endDate: campaigns.endDate,
  }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: campaigns.id,
        label: campaigns.label,
        parentLabel: parent.label,
        status: campaigns.status,
        startDate: campaigns.startDate,
        endDate: campaigns.endDate,
      })
      .from(campaigns)
      .leftJoin(parent, eq(parent.id, campaigns.parentCampaignId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(campaigns.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type EntityCampaignRow = Awaited<ReturnType<typeof listEntityCampaigns>>["rows"][number];

/** How many of the entity's campaigns are in each status, for the chart above the list. */
export async function entityCampaignStatusCounts(db: DbOrTx, entityId: string): Promise<Record<CampaignStatus, number>> {
  const rows = await db.select({ status: campaigns.status, n: count() }).from(campaigns).where(eq(campaigns.entityId, entityId)).groupBy(campaigns.status);
  const out = Object.fromEntries(campaignStatuses.map((s) => [s, 0])) as Record<CampaignStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/**
 * What the template lets the entity change. A campaign whose template was deleted keeps the
 * column's default (every part but the workflow) and has no personalization fields.
 * File fields are set on the order only: the campaign page does not change them.
 */
function templateRules(t: { localEditable: LocalEditablePart[]; personalizationFields: PersonalizationField[] } | null) {
  return {
    localEditable: t ? localEditableParts.filter((p) => t.localEditable.includes(p)) : [...defaultLocalEditable],
    fields: (t?.personalizationFields ?? []).filter((f) => f.type !== "file"),
  };
}

/** The campaign page: the campaign, its first workflow, the template's rules and the parent's label. */
export async function getEntityCampaign(db: DbOrTx, entityId: string, id: string) {
  const [row] = await db
    .select({
      campaign: campaigns,
      parentLabel: parent.label,
      template: { id: campaignTemplates.id, localEditable: campaignTemplates.localEditable, personalizationFields: campaignTemplates.personalizationFields },
    })
    .from(campaigns)
    .leftJoin(parent, eq(parent.id, campaigns.parentCampaignId))
    .leftJoin(campaignTemplates, eq(campaignTemplates.id, campaigns.templateId))
    .where(and(eq(campaigns.id, id), eq(campaigns.entityId, entityId)));
  if (!row) return null;
  const [workflow] = await db.select().from(workflows).where(eq(workflows.campaignId, id)).orderBy(asc(workflows.id)).limit(1);
  return {
    campaign: row.campaign,
    parentLabel: row.parentLabel,
    workflow: workflow ?? null,
    ...templateRules(row.template?.id ? row.template : null),
  };
}
export type EntityCampaign = NonNullable<Awaited<ReturnType<typeof getEntityCampaign>>>;

const CENTRAL_ONLY = "Set by the central team: this campaign's template does not let your entity change it.";
const minute = (d: Date | null) => (d ? Math.floor(d.getTime() / 60_000) : null);

/** The form's values for a field compared as typed: "10" and 10, "" and nothing, are the same. */
function sameFormValues(fields: PersonalizationField[], a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const norm = (f: PersonalizationField, v: unknown) => (f.type === "boolean" ? String(v === true || v === "true") : String(v ?? "").trim());
  return fields.every((f) => norm(f, a[f.name]) === norm(f, b[f.name]));
}

/**
 * Saves what the entity changed on its own or child campaign, within what the template allows:
 * the workflow's graph, targeting and schedule (only while that workflow is being edited), the
 * typology rules and the personalization values. A part the template keeps central may be sent back
 * unchanged, never changed. Every check runs before any write, so a refusal writes nothing.
 */
export async function updateLocalCampaign(tx: Tx, entity: Membership, input: LocalCampaignValues, now = new Date()) {
  // The row lock makes two saves of one campaign run one after the other.
  const [current] = await tx
    .select({ id: campaigns.id, status: campaigns.status, templateId: campaigns.templateId, typology: campaigns.typology, personalization: campaigns.personalization })
    .from(campaigns)
    .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.entityId, entity.id)))
    .for("update");
  if (!current) throw new AppError("not_found");
  if (current.status === "finished" || current.status === "canceled") {
    throw new AppError("conflict", `This campaign is ${campaignStatusLabels[current.status].toLowerCase()}: it can no longer change.`);
  }
  const template = current.templateId
    ? ((await tx.query.campaignTemplates.findFirst({
        where: eq(campaignTemplates.id, current.templateId),
        columns: { localEditable: true, personalizationFields: true },
      })) ?? null)
    : null;
  const { localEditable, fields } = templateRules(template);
  const allowed = new Set<LocalEditablePart>(localEditable);
  const [workflow] = await tx.select().from(workflows).where(eq(workflows.campaignId, current.id)).orderBy(asc(workflows.id)).limit(1).for("update");

  const errors: Record<string, string> = {};
  const workflowProblem = (what: string) => {
    if (!workflow) return `This campaign has no workflow: there is no ${what} to change.`;
    if (workflow.status !== "being_edited") {
      return `The workflow is running (${workflowStatusLabels[workflow.status].toLowerCase()}): its ${what} can only change while it is being edited.`;
    }
    return undefined;
  };

  const targeting = normalizeTargeting(input.targeting);
  const targetingChanged = !sameTargeting(targeting, workflow?.targeting ?? []);
  if (targetingChanged) {
    const problem = allowed.has("targeting") ? workflowProblem("targeting") : CENTRAL_ONLY;
    if (problem) errors.targeting = problem;
  }

  const scheduledAt = input.scheduledAt ? new Date(`${input.scheduledAt}Z`) : null;
  const scheduleChanged = minute(scheduledAt) !== minute(workflow?.scheduledAt ?? null);
  if (scheduleChanged) {
    const problem = allowed.has("schedule") ? workflowProblem("schedule") : CENTRAL_ONLY;
    if (problem) errors.scheduledAt = problem;
    else if (scheduledAt && scheduledAt < now) errors.scheduledAt = "Choose a date and time in the future.";
  }

  // The workflow graph: only when the template grants it, and its deliveries are the server's to create.
  const graphTarget = workflow ? { campaignId: current.id, workflowId: workflow.id } : null;
  const graphChanged = !!input.activities && !(graphTarget && sameGraph(await graphForForm(tx, graphTarget, workflow!.activities), input.activities));
  if (graphChanged) {
    const problem = allowed.has("workflow") ? workflowProblem("workflow") : CENTRAL_ONLY;
    if (problem) errors.activities = problem;
    else Object.assign(errors, await graphSaveProblems(tx, graphTarget!, workflow!.activities, input.activities!));
  }

  const typologyChanged = !sameTypology(input.typology, current.typology);
  if (typologyChanged && !allowed.has("typology")) errors.typology = CENTRAL_ONLY;

  let personalization: typeof current.personalization | null = null;
  if (allowed.has("personalization")) {
    const parsed = parametersSchema(fields).safeParse(input.personalization);
    if (parsed.success) {
      // Values of fields the page does not show (files, fields since removed) stay as they were.
      personalization = { ...current.personalization, ...(parsed.data as typeof current.personalization) };
    } else {
      for (const issue of parsed.error.issues) errors[["personalization", ...issue.path.map(String)].join(".")] ??= issue.message;
    }
  } else if (!sameFormValues(fields, input.personalization, initialParameters(fields, current.personalization))) {
    errors.personalization = CENTRAL_ONLY;
  }

  if (Object.keys(errors).length) throw new AppError("invalid_input", undefined, errors);

  const campaignPatch = {
    ...(typologyChanged ? { typology: input.typology } : {}),
    ...(personalization ? { personalization } : {}),
  };
  if (Object.keys(campaignPatch).length) await tx.update(campaigns).set(campaignPatch).where(eq(campaigns.id, current.id));
  const activities = graphChanged ? await saveGraphDeliveries(tx, graphTarget!, workflow!.activities, input.activities!) : null;
  if (workflow && (targetingChanged || scheduleChanged || activities)) {
    await tx
      .update(workflows)
      .set({ ...(targetingChanged ? { targeting } : {}), ...(scheduleChanged ? { scheduledAt } : {}), ...(activities ? { activities } : {}), updatedAt: sql`now()` })
      .where(eq(workflows.id, workflow.id));
  }
  return { id: current.id };
}

/** Evaluate target on the campaign page: the entity's contacts, the saved targeting and typology rules. */
export async function evaluateCampaignTarget(db: DbOrTx, entityId: string, campaignId: string) {
  const [row] = await db
    .select({ typology: campaigns.typology })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.entityId, entityId)));
  if (!row) throw new AppError("not_found");
  const [workflow] = await db.select({ targeting: workflows.targeting }).from(workflows).where(eq(workflows.campaignId, campaignId)).orderBy(asc(workflows.id)).limit(1);
  return evaluateTarget(db, entityId, workflow?.targeting ?? [], row.typology);
}
