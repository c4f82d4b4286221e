import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaigns, campaignTemplates, programs, users, workflows } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { graphForForm, graphSaveProblems, sameGraph, saveGraphDeliveries } from "@/lib/workflows/save-graph";
import { normalizeTargeting, sameTargeting } from "./local-schemas";
import type { CampaignValues } from "./schemas";

const day = (v: string) => new Date(`${v}T00:00:00Z`);

/**
 * Creates or updates a central reference campaign and its one workflow. The workflow outline and
 * its targeting only change while the workflow is being edited: once started, they are running.
 * The message and the typology rules are the campaign's own and change at any time.
 */
export async function saveCampaign(tx: Tx, values: CampaignValues, id?: string): Promise<string> {
  await assertReferences(tx, values, id);
  const row = {
    label: values.label,
    internalName: values.internalName,
    programId: values.programId,
    templateId: values.templateId,
    managerId: values.managerId || null,
    startDate: day(values.startDate),
    endDate: day(values.endDate),
    type: values.type,
    recurrence: values.type === "unique" || !values.recurrence ? null : { every: values.recurrence.every, unit: values.recurrence.unit },
    content: { subject: values.content.subject, body: values.content.body },
    typology: values.typology,
  };
  const targeting = normalizeTargeting(values.targeting);
  if (!id) {
    const [created] = await tx.insert(campaigns).values(row).returning({ id: campaigns.id });
    await insertWorkflow(tx, created!.id, values, targeting);
    return created!.id;
  }
  // Row locks keep two concurrent saves from interleaving the campaign and its workflow.
  const [current] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.id, id), isNull(campaigns.entityId)))
    .for("update");
  if (!current) throw new AppError("not_found");
  await tx.update(campaigns).set(row).where(eq(campaigns.id, id));
  const [workflow] = await tx.select().from(workflows).where(eq(workflows.campaignId, id)).orderBy(asc(workflows.id)).limit(1).for("update");
  if (!workflow) {
    await insertWorkflow(tx, id, values, targeting);
    return id;
  }
  const target = { campaignId: id, workflowId: workflow.id };
  const outlineChanged = !sameGraph(await graphForForm(tx, target, workflow.activities), values.activities);
  const targetingChanged = !sameTargeting(workflow.targeting, targeting);
  if (!outlineChanged && !targetingChanged) return id;
  if (workflow.status !== "being_edited") {
    // The refusal rolls the whole transaction back, the campaign row updated above included.
    throw new AppError("invalid_input", undefined, {
      ...(outlineChanged ? { activities: "The workflow can only change while it is being edited." } : {}),
      ...(targetingChanged ? { targeting: "The targeting can only change while the workflow is being edited." } : {}),
    });
  }
  if (outlineChanged) await assertGraphSavable(tx, target, workflow.activities, values);
  const activities = outlineChanged ? await saveGraphDeliveries(tx, target, workflow.activities, values.activities) : null;
  await tx
    .update(workflows)
    .set({ ...(activities ? { activities, label: values.label } : {}), ...(targetingChanged ? { targeting } : {}), updatedAt: sql`now()` })
    .where(eq(workflows.id, workflow.id));
  return id;
}

/** A new workflow, then its deliveries (they name it), then its activities naming them. */
async function insertWorkflow(tx: Tx, campaignId: string, values: CampaignValues, targeting: ReturnType<typeof normalizeTargeting>) {
  const [workflow] = await tx.insert(workflows).values({ campaignId, label: values.label, targeting }).returning({ id: workflows.id });
  const target = { campaignId, workflowId: workflow!.id };
  await assertGraphSavable(tx, target, [], values);
  const activities = await saveGraphDeliveries(tx, target, [], values.activities);
  await tx.update(workflows).set({ activities }).where(eq(workflows.id, workflow!.id));
}

async function assertGraphSavable(tx: Tx, target: { campaignId: string; workflowId: string }, previous: Parameters<typeof graphSaveProblems>[2], values: CampaignValues) {
  const problems = await graphSaveProblems(tx, target, previous, values.activities);
  if (Object.keys(problems).length) throw new AppError("invalid_input", undefined, problems);
}

async function assertReferences(tx: Tx, values: CampaignValues, id?: string) {
  const [clash, program, template, manager] = await Promise.all([
    tx.query.campaigns.findFirst({ where: eq(campaigns.internalName, values.internalName), columns: { id: true } }),
    tx.query.programs.findFirst({ where: eq(programs.id, values.programId), columns: { id: true } }),
    tx.query.campaignTemplates.findFirst({ where: eq(campaignTemplates.id, values.templateId), columns: { id: true } }),
    values.managerId ? tx.query.users.findFirst({ where: and(eq(users.id, values.managerId), eq(users.role, "central"), isNull(users.disabledAt)), columns: { id: true } }) : null,
  ]);
  const errors: Record<string, string> = {};
  if (clash && clash.id !== id) errors.internalName = "Another campaign already uses this internal name.";
  if (!program) errors.programId = "Choose an existing program.";
  if (!template) errors.templateId = "Choose an existing template.";
  if (values.managerId && !manager) errors.managerId = "Choose a central operator.";
  if (Object.keys(errors).length) throw new AppError("invalid_input", undefined, errors);
}
