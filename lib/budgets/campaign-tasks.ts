import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignTasks, costCategories, providers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { runBudgetMgtSoon } from "@/lib/technical/task";
import { campaignBudgetScope } from "./campaign-budget";
import type { CampaignTaskValues } from "./campaign-budget-schemas";

// §2 A campaign's tasks (design, printing, an agency's days). budgetMgt prices a finished task
// with its cost category's structures × its days, and keeps its expense line.

const invalid = (field: string, message: string) => new AppError("invalid_input", undefined, { [field]: message });

/**
 * The provider and the Task-channel cost category. A category alone brings its provider; both
 * chosen must agree, so budgetMgt never prices a task with another provider's service.
 */
async function taskService(tx: Tx, input: Pick<CampaignTaskValues, "providerId" | "costCategoryId">) {
  if (input.costCategoryId) {
    const [category] = await tx
      .select({ providerId: costCategories.providerId, channel: costCategories.channel })
      .from(costCategories)
      .where(eq(costCategories.id, input.costCategoryId));
    if (!category) throw invalid("costCategoryId", "This cost category no longer exists.");
    if (category.channel !== "task") throw invalid("costCategoryId", "Choose a cost category of the Task channel.");
    if (input.providerId && category.providerId !== input.providerId) throw invalid("costCategoryId", "This cost category is not one of the chosen provider's.");
    return { providerId: category.providerId, costCategoryId: input.costCategoryId };
  }
  if (input.providerId) {
    const [provider] = await tx.select({ id: providers.id }).from(providers).where(eq(providers.id, input.providerId));
    if (!provider) throw invalid("providerId", "This provider no longer exists.");
  }
  return { providerId: input.providerId || null, costCategoryId: null };
}

/** Adds a task (no `taskId`) or edits one of the campaign's. */
export async function saveCampaignTask(tx: Tx, input: CampaignTaskValues): Promise<{ id: string }> {
  await campaignBudgetScope(tx, input.campaignId);
  const values = {
    label: input.label,
    status: input.status,
    days: input.days,
    ...(await taskService(tx, input)),
    provisionalCost: input.provisionalCost,
    realCost: input.realCost || null,
  };
  let id: string;
  if (input.taskId) {
    const [updated] = await tx
      .update(campaignTasks)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(campaignTasks.id, input.taskId), eq(campaignTasks.campaignId, input.campaignId)))
      .returning({ id: campaignTasks.id });
    if (!updated) throw new AppError("not_found");
    id = updated.id;
  } else {
    const [created] = await tx.insert(campaignTasks).values({ ...values, campaignId: input.campaignId }).returning({ id: campaignTasks.id });
    id = created!.id;
  }
  await runBudgetMgtSoon(tx);
  return { id };
}

/** Removes one of the campaign's tasks; its generated expense line goes with it (on delete cascade). */
export async function removeCampaignTask(tx: Tx, input: { campaignId: string; taskId: string }) {
  const [removed] = await tx
    .delete(campaignTasks)
    .where(and(eq(campaignTasks.id, input.taskId), eq(campaignTasks.campaignId, input.campaignId)))
    .returning({ id: campaignTasks.id });
  if (!removed) throw new AppError("not_found");
  await runBudgetMgtSoon(tx);
  return { id: removed.id };
}
