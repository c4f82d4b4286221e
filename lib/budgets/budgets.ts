import { and, eq, ne, notInArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { budgetCategories, budgets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { runBudgetMgtSoon } from "@/lib/technical/task";
import type { BudgetValues } from "./budget-schemas";

const invalid = (field: string, message: string) => new AppError("invalid_input", undefined, { [field]: message });

/**
 * Creates or updates a budget with its expense categories, in the caller's transaction, then asks
 * budgetMgt to run soon so that its figures follow. Categories keep their ids across edits; a
 * removed one is deleted, and campaigns and expense lines that named it keep their amounts with no
 * category (the foreign keys are ON DELETE SET NULL).
 */
export async function saveBudget(tx: Tx, values: BudgetValues, id?: string): Promise<{ id: string; categoryIds: string[] }> {
  const parentId = values.parentId || null;
  // Two edits that each look acyclic on their own (A under B, B under A), or a child saved in
  // another currency while its parent changes currency, must not both commit: every save that
  // touches the tree takes this lock, so the second one checks against the first. Saves are rare.
  if (parentId || id) await tx.execute(sql`select pg_advisory_xact_lock(hashtext('budgets:tree'))`);
  if (parentId) await checkParent(tx, parentId, values.currency, id);
  if (id) await checkChildrenCurrency(tx, id, values.currency);

  const row = {
    label: values.label,
    currency: values.currency,
    parentId,
    periodStart: values.periodStart || null,
    periodEnd: values.periodEnd || null,
    allocated: values.allocated,
  };
  let budgetId: string;
  if (id) {
    const [updated] = await tx.update(budgets).set({ ...row, updatedAt: new Date() }).where(eq(budgets.id, id)).returning({ id: budgets.id });
    if (!updated) throw new AppError("not_found");
    budgetId = updated.id;
  } else {
    const [created] = await tx.insert(budgets).values(row).returning({ id: budgets.id });
    budgetId = created!.id;
  }
  const categoryIds = await syncCategories(tx, budgetId, values.categories);
  await runBudgetMgtSoon(tx);
  return { id: budgetId, categoryIds };
}

/** The parent exists, is neither the budget nor one of its descendants, and counts in the same currency. */
async function checkParent(tx: Tx, parentId: string, currency: string, id: string | undefined) {
  if (parentId === id) throw invalid("parentId", "A budget cannot be its own parent.");
  const [parent] = await tx.select({ currency: budgets.currency }).from(budgets).where(eq(budgets.id, parentId));
  if (!parent) throw invalid("parentId", "Choose an existing budget.");
  if (id) {
    const [under] = await tx.execute<{ found: boolean }>(sql`
      with recursive below(id) as (
        select id from budgets where parent_id = ${id}
        union
        select b.id from budgets b join below on b.parent_id = below.id
      )
      select exists (select 1 from below where id = ${parentId}) as found`);
    if (under?.found) throw invalid("parentId", "This budget is under the one you are editing: choose a budget outside its branch.");
  }
  // A parent's figures add up its children's, which only means something in one currency.
  if (parent.currency !== currency) throw invalid("currency", `Use the parent budget's currency (${parent.currency}): its figures include this budget's.`);
}

async function checkChildrenCurrency(tx: Tx, id: string, currency: string) {
  const [child] = await tx.select({ currency: budgets.currency }).from(budgets).where(and(eq(budgets.parentId, id), ne(budgets.currency, currency))).limit(1);
  if (child) throw invalid("currency", `Its child budgets count in ${child.currency}, and its figures include theirs: keep ${child.currency}.`);
}

/** Returns the categories' ids in the order given, so that the form can keep editing the same rows. */
async function syncCategories(tx: Tx, budgetId: string, categories: BudgetValues["categories"]): Promise<string[]> {
  const existing = new Set((await tx.select({ id: budgetCategories.id }).from(budgetCategories).where(eq(budgetCategories.budgetId, budgetId))).map((r) => r.id));
  const kept: string[] = [];
  for (const c of categories) {
    const values = { label: c.label, allocated: c.allocated };
    // An id that is not this budget's category (or sent twice) becomes a new row, never reached.
    if (c.id && existing.has(c.id) && !kept.includes(c.id)) {
      await tx.update(budgetCategories).set(values).where(and(eq(budgetCategories.id, c.id), eq(budgetCategories.budgetId, budgetId)));
      kept.push(c.id);
    } else {
      const [created] = await tx.insert(budgetCategories).values({ ...values, budgetId }).returning({ id: budgetCategories.id });
      kept.push(created!.id);
    }
  }
  await tx.delete(budgetCategories).where(and(eq(budgetCategories.budgetId, budgetId), kept.length ? notInArray(budgetCategories.id, kept) : undefined));
  return kept;
}
