import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { budgetCategories, budgets, campaigns, costCategories, deliveries, plans, programs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { toMinor } from "@/lib/providers/costs";
import { runBudgetMgtSoon, runStockMgtSoon } from "@/lib/technical/task";
import type { CampaignBudgetValues, DeliveryCostsValues } from "./campaign-budget-schemas";

// A campaign's budget settings and its deliveries' costs (§9). Writes only inputs: budgetMgt,
// asked to run soon in the same transaction, computes every figure from them.

/** The campaign and the budgets it may charge; refuses an unknown campaign. */
export async function campaignBudgetScope(db: DbOrTx, campaignId: string) {
  const [row] = await db
    .select({ id: campaigns.id, budgetId: campaigns.budgetId, programBudgetId: programs.budgetId, planBudgetId: plans.budgetId })
    .from(campaigns)
    .leftJoin(programs, eq(programs.id, campaigns.programId))
    .leftJoin(plans, eq(plans.id, programs.planId))
    .where(eq(campaigns.id, campaignId));
  if (!row) throw new AppError("not_found");
  return row;
}
export type CampaignBudgetScope = Awaited<ReturnType<typeof campaignBudgetScope>>;

/** The budget a campaign charges with its own choice `own` (README: campaign's ?? program's ?? plan's). */
export const chargedBudgetOf = (scope: Omit<CampaignBudgetScope, "id">, own: string | null = scope.budgetId) =>
  own ?? scope.programBudgetId ?? scope.planBudgetId ?? null;

const invalid = (field: string, message: string) => new AppError("invalid_input", undefined, { [field]: message });

/** An expense category is only chosen among the categories of the budget the campaign charges. */
export async function assertCategoryOfBudget(tx: Tx, categoryId: string | null, budgetId: string | null, field: string) {
  if (!categoryId) return;
  const [category] = await tx.select({ budgetId: budgetCategories.budgetId }).from(budgetCategories).where(eq(budgetCategories.id, categoryId));
  if (!category) throw invalid(field, "This expense category no longer exists.");
  if (!budgetId) throw invalid(field, "The campaign charges no budget: choose a budget before an expense category.");
  if (category.budgetId !== budgetId) throw invalid(field, "This expense category belongs to another budget: choose one of the budget the campaign charges.");
}

/** Budget settings: the budget charged, its expense category, process status, commitment level and costs. */
export async function updateCampaignBudget(tx: Tx, input: CampaignBudgetValues) {
  const scope = await campaignBudgetScope(tx, input.campaignId);
  const budgetId = input.budgetId || null;
  if (budgetId) {
    const [found] = await tx.select({ id: budgets.id }).from(budgets).where(eq(budgets.id, budgetId));
    if (!found) throw invalid("budgetId", "This budget no longer exists.");
  }
  await assertCategoryOfBudget(tx, input.budgetCategoryId || null, chargedBudgetOf(scope, budgetId), "budgetCategoryId");
  await tx
    .update(campaigns)
    .set({
      budgetId,
      budgetCategoryId: input.budgetCategoryId || null,
      budgetProcess: input.budgetProcess,
      commitmentLevel: input.commitmentLevel,
      provisionalCost: input.provisionalCost,
      realCost: input.realCost || null,
    })
    .where(eq(campaigns.id, input.campaignId));
  await runBudgetMgtSoon(tx);
  return { id: input.campaignId };
}

const channelWords = { email: "Email", direct_mail: "Direct mail" } as const;

/**
 * The cost category and provisional cost of the campaign's deliveries. Every delivery must be
 * this campaign's; a category must serve the delivery's channel.
 */
export async function updateDeliveryCosts(tx: Tx, input: DeliveryCostsValues) {
  await campaignBudgetScope(tx, input.campaignId);
  if (!input.deliveries.length) return { updated: 0 };
  const ids = input.deliveries.map((d) => d.deliveryId);
  const current = await tx
    .select({ id: deliveries.id, channel: deliveries.channel, costCategoryId: deliveries.costCategoryId, provisionalCost: deliveries.provisionalCost })
    .from(deliveries)
    .where(and(eq(deliveries.campaignId, input.campaignId), inArray(deliveries.id, ids)));
  if (current.length !== ids.length) throw new AppError("not_found");
  const byId = new Map(current.map((d) => [d.id, d]));
  const categoryIds = [...new Set(input.deliveries.map((d) => d.costCategoryId).filter(Boolean))];
  const categories = categoryIds.length
    ? new Map((await tx.select({ id: costCategories.id, channel: costCategories.channel }).from(costCategories).where(inArray(costCategories.id, categoryIds))).map((c) => [c.id, c.channel]))
    : new Map<string, string>();
  const fieldErrors: Record<string, string> = {};
  input.deliveries.forEach((d, i) => {
    if (!d.costCategoryId) return;
    const channel = categories.get(d.costCategoryId);
    const wanted = byId.get(d.deliveryId)!.channel;
    if (!channel) fieldErrors[`deliveries.${i}.costCategoryId`] = "This cost category no longer exists.";
    else if (channel !== wanted) fieldErrors[`deliveries.${i}.costCategoryId`] = `Choose a cost category of the ${channelWords[wanted]} channel.`;
  });
  if (Object.keys(fieldErrors).length) throw new AppError("invalid_input", undefined, fieldErrors);
  let updated = 0;
  for (const d of input.deliveries) {
    const before = byId.get(d.deliveryId)!;
    const costCategoryId = d.costCategoryId || null;
    if (before.costCategoryId === costCategoryId && toMinor(before.provisionalCost) === toMinor(d.provisionalCost)) continue;
    await tx
      .update(deliveries)
      .set({ costCategoryId, provisionalCost: d.provisionalCost, updatedAt: sql`now()` })
      .where(and(eq(deliveries.id, d.deliveryId), eq(deliveries.campaignId, input.campaignId)));
    updated++;
  }
  await runBudgetMgtSoon(tx);
  // A cost category may draw on a stock line: the consumption follows it.
  if (updated) await runStockMgtSoon(tx);
  return { updated };
}
