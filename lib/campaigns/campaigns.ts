import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaigns, campaignTemplates, programs, users, workflows, type WorkflowActivity } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { normalizeTargeting, sameTargeting } from "./local-schemas";
import type { CampaignValues } from "./schemas";
import { linkActivities } from "./workflow";

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
    content: { subject: values.content.subject, body: values.content.body },
    typology: values.typology,
  };
  const activities = linkActivities(values.activities);
  const targeting = normalizeTargeting(values.targeting);
  if (!id) {
    const [created] = await tx.insert(campaigns).values(row).returning({ id: campaigns.id });
    await tx.insert(workflows).values({ campaignId: created!.id, label: values.label, activities, targeting });
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
    await tx.insert(workflows).values({ campaignId: id, label: values.label, activities, targeting });
    return id;
  }
  const outlineChanged = !sameOutline(workflow.activities, activities);
  const targetingChanged = !sameTargeting(workflow.targeting, targeting);
  if (!outlineChanged && !targetingChanged) return id;
  if (workflow.status !== "being_edited") {
    // The refusal rolls the whole transaction back, the campaign row updated above included.
    throw new AppError("invalid_input", undefined, {
      ...(outlineChanged ? { activities: "The workflow can only change while it is being edited." } : {}),
      ...(targetingChanged ? { targeting: "The targeting can only change while the workflow is being edited." } : {}),
    });
  }
  await tx
    .update(workflows)
    .set({ ...(outlineChanged ? { activities, label: values.label } : {}), ...(targetingChanged ? { targeting } : {}), updatedAt: sql`now()` })
    .where(eq(workflows.id, workflow.id));
  return id;
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

// Compared field by field: jsonb hands keys back in its own order, so the JSON text differs.
function sameOutline(a: WorkflowActivity[], b: WorkflowActivity[]): boolean {
  const key = (list: WorkflowActivity[]) => JSON.stringify(list.map((x) => [x.id, x.kind, x.label, x.next]));
  return key(a) === key(b);
}
