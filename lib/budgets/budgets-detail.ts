import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { budgetCategories, budgets, campaigns, entities, programs } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { budgetRemaining, selectBudgetRows } from "./budget-queries";
import { centsOf, type BudgetInput } from "./budget-schemas";

// One budget's page: its form, its figures, its child budgets and the campaigns charging it.

/** The budget with its figures and parent, and its values as the edit form holds them. */
export async function getBudgetForEdit(db: DbOrTx, id: string) {
  const [budget] = await selectBudgetRows(db).where(eq(budgets.id, id));
  if (!budget) return null;
  // Categories have no position of their own: the form lists them by label.
  const categories = await db
    .select({ id: budgetCategories.id, label: budgetCategories.label, allocated: budgetCategories.allocated })
    .from(budgetCategories)
    .where(eq(budgetCategories.budgetId, id))
    .orderBy(asc(budgetCategories.label), asc(budgetCategories.id));
  const values: BudgetInput = {
    label: budget.label,
    currency: budget.currency,
    parentId: budget.parentId ?? "",
    periodStart: budget.periodStart ?? "",
    periodEnd: budget.periodEnd ?? "",
    allocated: centsOf(budget.allocated),
    categories: categories.map((c) => ({ id: c.id, label: c.label, allocated: centsOf(c.allocated) })),
  };
  return { budget, values };
}
export type BudgetDetail = NonNullable<Awaited<ReturnType<typeof getBudgetForEdit>>>["budget"];

/** Budgets that may be the parent of `id` (all of them for a new budget): not itself, not below it. */
export async function parentOptions(db: DbOrTx, id?: string): Promise<{ id: string; label: string }[]> {
  const rows = await db.execute<{ id: string; label: string; currency: string }>(sql`
    with recursive branch(id) as (
      select id from budgets where id = ${id ?? null}::uuid
      union
      select b.id from budgets b join branch on b.parent_id = branch.id
    )
    select id, label, currency from budgets where id not in (select id from branch) order by label, id limit 2000`);
  return [...rows].map((r) => ({ id: r.id, label: `${r.label} (${r.currency})` }));
}

export const CHILDREN_PER_PAGE = 20;

export async function listChildBudgets(db: DbOrTx, id: string, page: number) {
  const where = eq(budgets.parentId, id);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: budgets.id,
        label: budgets.label,
        currency: budgets.currency,
        allocated: budgets.allocated,
        planned: budgets.planned,
        reserved: budgets.reserved,
        committed: budgets.committed,
        spent: budgets.spent,
        remaining: budgetRemaining,
      })
      .from(budgets)
      .where(where)
      .orderBy(asc(budgets.label), asc(budgets.id))
      .limit(CHILDREN_PER_PAGE)
      .offset(offsetOf({ page, perPage: CHILDREN_PER_PAGE })),
    db.select({ n: count() }).from(budgets).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export const chargingCampaignSortable = ["label", "program", "status", "calculatedCost"] as const;
export type ChargingCampaignSort = (typeof chargingCampaignSortable)[number];

/** The campaigns whose costs go to this budget, as budgetMgt last resolved it (campaigns.charged_budget_id). */
export async function listChargingCampaigns(db: DbOrTx, budgetId: string, query: TableQuery<ChargingCampaignSort>) {
  const filters: SQL[] = [eq(campaigns.chargedBudgetId, budgetId)];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(campaigns.label, p), ilike(campaigns.internalName, p))!);
  }
  const where = and(...filters);
  const column = { label: campaigns.label, program: programs.label, status: campaigns.status, calculatedCost: campaigns.calculatedCost }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: campaigns.id,
        label: campaigns.label,
        entityLabel: entities.label,
        programLabel: programs.label,
        status: campaigns.status,
        budgetProcess: campaigns.budgetProcess,
        commitmentLevel: campaigns.commitmentLevel,
        calculatedCost: campaigns.calculatedCost,
        realCost: campaigns.realCost,
      })
      .from(campaigns)
      .leftJoin(programs, eq(programs.id, campaigns.programId))
      .leftJoin(entities, eq(entities.id, campaigns.entityId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(campaigns.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ChargingCampaignRow = Awaited<ReturnType<typeof listChargingCampaigns>>["rows"][number];
