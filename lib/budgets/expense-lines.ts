import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { expenseLines } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { runBudgetMgtSoon } from "@/lib/technical/task";
import { assertCategoryOfBudget, campaignBudgetScope, chargedBudgetOf } from "./campaign-budget";
import type { ExpenseLineValues } from "./campaign-budget-schemas";

// §9 A campaign's manual expense lines. The lines of deliveries and tasks belong to budgetMgt,
// which rewrites them from their item at every run: an edit here would be silently undone, so
// every write below is guarded to manual lines.

const manual = and(isNull(expenseLines.deliveryId), isNull(expenseLines.taskId));
export const generatedLineMessage = "This line is kept by the Cost calculation from its delivery or task: change the delivery or the task instead.";

/** Why a guarded write reached no line: another campaign's or unknown (not found), or generated. */
async function refusal(tx: Tx, campaignId: string, lineId: string): Promise<AppError> {
  const [line] = await tx
    .select({ id: expenseLines.id })
    .from(expenseLines)
    .where(and(eq(expenseLines.id, lineId), eq(expenseLines.campaignId, campaignId)));
  return line ? new AppError("forbidden", generatedLineMessage) : new AppError("not_found");
}

/** Adds a manual line (no `lineId`) or edits one of the campaign's manual lines. */
export async function saveExpenseLine(tx: Tx, input: ExpenseLineValues): Promise<{ id: string }> {
  const scope = await campaignBudgetScope(tx, input.campaignId);
  const budgetCategoryId = input.budgetCategoryId || null;
  await assertCategoryOfBudget(tx, budgetCategoryId, chargedBudgetOf(scope), "budgetCategoryId");
  const values = { label: input.label, amount: input.amount, realAmount: input.realAmount || null, budgetCategoryId };
  let id: string;
  if (input.lineId) {
    const [updated] = await tx
      .update(expenseLines)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(expenseLines.id, input.lineId), eq(expenseLines.campaignId, input.campaignId), manual))
      .returning({ id: expenseLines.id });
    if (!updated) throw await refusal(tx, input.campaignId, input.lineId);
    id = updated.id;
  } else {
    const [created] = await tx.insert(expenseLines).values({ ...values, campaignId: input.campaignId }).returning({ id: expenseLines.id });
    id = created!.id;
  }
  await runBudgetMgtSoon(tx);
  return { id };
}

/** Removes one of the campaign's manual lines; invoice lines that pointed at it keep their amount. */
export async function removeExpenseLine(tx: Tx, input: { campaignId: string; lineId: string }) {
  const [removed] = await tx
    .delete(expenseLines)
    .where(and(eq(expenseLines.id, input.lineId), eq(expenseLines.campaignId, input.campaignId), manual))
    .returning({ id: expenseLines.id });
  if (!removed) throw await refusal(tx, input.campaignId, input.lineId);
  await runBudgetMgtSoon(tx);
  return { id: removed.id };
}
