import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { campaigns, plans, programs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import type { z } from "zod";
import type { planSchema, programSchema } from "./schemas";

export async function createPlan(tx: Tx, values: z.output<typeof planSchema>): Promise<string> {
  const [row] = await tx.insert(plans).values({ label: values.label }).returning({ id: plans.id });
  return row!.id;
}

export async function createProgram(tx: Tx, values: z.output<typeof programSchema>): Promise<string> {
  const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, values.planId));
  if (!plan) throw new AppError("invalid_input", undefined, { planId: "Choose an existing plan." });
  const [row] = await tx.insert(programs).values({ planId: plan.id, label: values.label }).returning({ id: programs.id });
  return row!.id;
}

export const programSortable = ["label", "plan", "createdAt"] as const;
export type ProgramSort = (typeof programSortable)[number];

export async function listPrograms(db: DbOrTx, query: TableQuery<ProgramSort> & { planId?: string }) {
  const filters: SQL[] = [];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(programs.label, p), ilike(plans.label, p))!);
  }
  if (query.planId) filters.push(eq(programs.planId, query.planId));
  const where = and(...filters);
  const column = { label: programs.label, plan: plans.label, createdAt: programs.createdAt }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: programs.id,
        label: programs.label,
        planLabel: plans.label,
        createdAt: programs.createdAt,
        campaigns: sql<number>`(select count(*)::int from ${campaigns} c where c.program_id = "programs"."id" and c.entity_id is null)`,
      })
      .from(programs)
      .innerJoin(plans, eq(plans.id, programs.planId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(programs.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(programs).innerJoin(plans, eq(plans.id, programs.planId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ProgramRow = Awaited<ReturnType<typeof listPrograms>>["rows"][number];

/** Every plan with how many programs it holds, for the side list and the plan pickers. */
export async function listPlans(db: DbOrTx) {
  return db
    .select({ id: plans.id, label: plans.label, programs: sql<number>`count(${programs.id})::int` })
    .from(plans)
    .leftJoin(programs, eq(programs.planId, plans.id))
    .groupBy(plans.id)
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
