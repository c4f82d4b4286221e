import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { budgets, campaigns, plans, programs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { runBudgetMgtSoon } from "@/lib/technical/task";
import type { z } from "zod";
import type { planSchema, programSchema, updatePlanSchema, updateProgramSchema } from "./schemas";

export async function createPlan(tx: Tx, values: z.output<typeof planSchema>): Promise<string> {
  const [row] = await tx.insert(plans).values({ label: values.label, budgetId: await budgetOf(tx, values.budgetId) }).returning({ id: plans.id });
  return row!.id;
}

export async function createProgram(tx: Tx, values: z.output<typeof programSchema>): Promise<string> {
  const planId = await planOf(tx, values.planId);
  const [row] = await tx.insert(programs).values({ planId, label: values.label, budgetId: await budgetOf(tx, values.budgetId) }).returning({ id: programs.id });
  return row!.id;
}

/**
 * Renames a plan or changes the budget it charges. A plan has no figures of its own to wait for,
 * but the campaigns under it may now charge another budget (a trigger stamps them): budgetMgt
 * is asked to run soon, in this transaction, so the budgets' figures follow.
 */
export async function updatePlan(tx: Tx, values: z.output<typeof updatePlanSchema>): Promise<string> {
  const [row] = await tx
    .update(plans)
    .set({ label: values.label, budgetId: await budgetOf(tx, values.budgetId) })
    .where(eq(plans.id, values.id))
    .returning({ id: plans.id });
  if (!row) throw new AppError("not_found");
  await runBudgetMgtSoon(tx);
  return row.id;
}

/** Renames a program, moves it to another plan or changes its budget; budgetMgt follows, as for a plan. */
export async function updateProgram(tx: Tx, values: z.output<typeof updateProgramSchema>): Promise<string> {
  const planId = await planOf(tx, values.planId);
  const [row] = await tx
    .update(programs)
    .set({ planId, label: values.label, budgetId: await budgetOf(tx, values.budgetId) })
    .where(eq(programs.id, values.id))
    .returning({ id: programs.id });
  if (!row) throw new AppError("not_found");
  await runBudgetMgtSoon(tx);
  return row.id;
}

async function planOf(tx: Tx, planId: string): Promise<string> {
  const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
  if (!plan) throw new AppError("invalid_input", undefined, { planId: "Choose an existing plan." });
  return plan.id;
}

async function budgetOf(tx: Tx, budgetId: string): Promise<string | null> {
  if (!budgetId) return null;
  const [budget] = await tx.select({ id: budgets.id }).from(budgets).where(eq(budgets.id, budgetId));
  if (!budget) throw new AppError("invalid_input", undefined, { budgetId: "Choose an existing budget." });
  return budget.id;
}

export const programSortable = ["label", "plan", "budget", "createdAt"] as const;
export type ProgramSort = (typeof programSortable)[number];

export async function listPrograms(db: DbOrTx, query: TableQuery<ProgramSort> & { planId?: string }) {
  const filters: SQL[] = [];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(programs.label, p), ilike(plans.label, p))!);
  }
  if (query.planId) filters.push(eq(programs.planId, query.planId));
  const where = and(...filters);
  const column = { label: programs.label, plan: plans.label, budget: budgets.label, createdAt: programs.createdAt }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: programs.id,
        label: programs.label,
        planId: programs.planId,
        planLabel: plans.label,
        budgetId: programs.budgetId,
        budgetLabel: budgets.label,
        createdAt: programs.createdAt,
        campaigns: sql<number>`(select count(*)::int from ${campaigns} c where c.program_id = "programs"."id" and c.entity_id is null)`,
      })
      .from(programs)
      .innerJoin(plans, eq(plans.id, programs.planId))
      .leftJoin(budgets, eq(budgets.id, programs.budgetId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(programs.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(programs).innerJoin(plans, eq(plans.id, programs.planId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ProgramRow = Awaited<ReturnType<typeof listPrograms>>["rows"][number];

/** Every plan with how many programs it holds and the budget it charges, for the side list and the plan pickers. */
export async function listPlans(db: DbOrTx) {
  return db
    .select({
      id: plans.id,
      label: plans.label,
      budgetId: plans.budgetId,
      budgetLabel: budgets.label,
      programs: sql<number>`count(${programs.id})::int`,
    })
    .from(plans)
    .leftJoin(programs, eq(programs.planId, plans.id))
    .leftJoin(budgets, eq(budgets.id, plans.budgetId))
    .groupBy(plans.id, budgets.id)
    .orderBy(asc(plans.label), asc(plans.id))
    .limit(1000);
}

/** Programs named with their plan, for the campaign form. */
export async function programOptions(db: DbOrTx) {
  const rows = await db
    .select({ id: programs.id, label: programs.label, planLabel: plans.label })
    .from(programs)
    .innerJoin(plans, eq(plans.id, programs.planId))
    .orderBy(asc(plans.label), asc(programs.label))
    .limit(2000);
  return rows.map((r) => ({ id: r.id, label: `${r.planLabel} › ${r.label}` }));
}
