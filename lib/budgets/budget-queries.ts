import { alias } from "drizzle-orm/pg-core";
import { and, asc, count, eq, ilike, isNotNull, max, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { budgets, plans, programs } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { lastCostCalculation } from "./budget-mgt";

// What the budget dashboard reads (§9). Every figure is budgetMgt's, as stored: these queries add
// nothing up but "remaining", which is allocated minus the four buckets of the same row, computed
// by PostgreSQL in exact numeric.

export const budgetSortable = ["label", "currency", "parent", "period", "allocated", "planned", "reserved", "committed", "spent", "invoiced", "remaining"] as const;
export type BudgetSort = (typeof budgetSortable)[number];

const parent = alias(budgets, "parent");
/** Allocated − (Planned + Reserved + Committed + Spent), in PostgreSQL's exact numeric. */
export const budgetRemaining = sql<string>`(${budgets.allocated} - (${budgets.planned} + ${budgets.reserved} + ${budgets.committed} + ${budgets.spent}))`;

// The figures a budget's row shows are also the columns its table sorts on.
const budgetFigures = {
  allocated: budgets.allocated,
  planned: budgets.planned,
  reserved: budgets.reserved,
  committed: budgets.committed,
  spent: budgets.spent,
  invoiced: budgets.invoiced,
  remaining: budgetRemaining,
};

/**
 * Budgets with their parent's label and their figures, to filter, order and page: the dashboard's
 * table and a budget's own page read the same row, so their figures cannot drift apart.
 */
export function selectBudgetRows(db: DbOrTx) {
  return db
    .select({
      id: budgets.id,
      label: budgets.label,
      currency: budgets.currency,
      parentId: budgets.parentId,
      parentLabel: parent.label,
      periodStart: budgets.periodStart,
      periodEnd: budgets.periodEnd,
      ...budgetFigures,
      computedAt: budgets.computedAt,
    })
    .from(budgets)
    .leftJoin(parent, eq(parent.id, budgets.parentId));
}

export type BudgetFilters = { currency?: string; parentId?: string };

export async function listBudgets(db: DbOrTx, query: TableQuery<BudgetSort> & BudgetFilters) {
  const filters: SQL[] = [];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(budgets.label, p), ilike(parent.label, p))!);
  }
  if (query.currency) filters.push(eq(budgets.currency, query.currency));
  if (query.parentId) filters.push(eq(budgets.parentId, query.parentId));
  const where = and(...filters);
  const column = {
    label: budgets.label,
    currency: budgets.currency,
    parent: parent.label,
    period: budgets.periodStart,
    ...budgetFigures,
  }[query.sort];
  const [rows, [total]] = await Promise.all([
    selectBudgetRows(db)
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(budgets.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(budgets).leftJoin(parent, eq(parent.id, budgets.parentId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type BudgetRow = Awaited<ReturnType<typeof listBudgets>>["rows"][number];

/** The currencies budgets use, for the table's filter. */
export async function budgetCurrencies(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ currency: budgets.currency }).from(budgets).orderBy(asc(budgets.currency)).limit(300);
  return rows.map((r) => r.currency);
}

/**
 * When the figures were last brought up to date: the later of budgetMgt's last successful run
 * (which may change nothing) and the last change it wrote (a seed or a test runs it unrecorded).
 */
export async function budgetsComputedAt(db: DbOrTx): Promise<Date | null> {
  const [[row], lastRun] = await Promise.all([db.select({ at: max(budgets.computedAt) }).from(budgets), lastCostCalculation(db)]);
  const written = row?.at ?? null;
  if (!written || !lastRun) return written ?? lastRun;
  return written > lastRun ? written : lastRun;
}

export const PROGRAM_FIGURES_LIMIT = 50;

/**
 * Programs as the dashboard charts them: what their Defined campaigns consolidate (budgetMgt's
 * programs.planned … spent) against the Allocated amount of the program's own budget, when it has
 * one. Programs with neither a budget nor any figure are left out; the first `limit`, by plan then
 * program, come with how many there are in all.
 */
export async function listProgramFigures(db: DbOrTx, opts: { limit?: number; q?: string } = {}) {
  const limit = opts.limit ?? PROGRAM_FIGURES_LIMIT;
  const filters: SQL[] = [
    or(isNotNull(programs.budgetId), ne(programs.planned, "0"), ne(programs.reserved, "0"), ne(programs.committed, "0"), ne(programs.spent, "0"))!,
  ];
  if (opts.q) {
    const p = likePattern(opts.q);
    filters.push(or(ilike(programs.label, p), ilike(plans.label, p))!);
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: programs.id,
        label: programs.label,
        planLabel: plans.label,
        budgetId: programs.budgetId,
        budgetLabel: budgets.label,
        currency: budgets.currency,
        allocated: budgets.allocated,
        planned: programs.planned,
        reserved: programs.reserved,
        committed: programs.committed,
        spent: programs.spent,
        // Null without a budget of its own: nothing to fall short of.
        remaining: sql<string | null>`(${budgets.allocated} - (${programs.planned} + ${programs.reserved} + ${programs.committed} + ${programs.spent}))`,
      })
      .from(programs)
      .innerJoin(plans, eq(plans.id, programs.planId))
      .leftJoin(budgets, eq(budgets.id, programs.budgetId))
      .where(where)
      .orderBy(asc(plans.label), asc(programs.label), asc(programs.id))
      .limit(limit),
    db.select({ n: count() }).from(programs).innerJoin(plans, eq(plans.id, programs.planId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ProgramFiguresRow = Awaited<ReturnType<typeof listProgramFigures>>["rows"][number];

/** Budgets for a picker (a plan's, a program's, a parent), labelled with their currency. */
export async function budgetOptions(db: DbOrTx): Promise<{ id: string; label: string }[]> {
  const rows = await db.select({ id: budgets.id, label: budgets.label, currency: budgets.currency }).from(budgets).orderBy(asc(budgets.label), asc(budgets.id)).limit(2000);
  return rows.map((r) => ({ id: r.id, label: `${r.label} (${r.currency})` }));
}
