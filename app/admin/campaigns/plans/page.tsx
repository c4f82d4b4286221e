import type { Metadata } from "next";
import { getDb } from "@/db";
import { Card, PageHeader } from "@/components/ui/card";
import { budgetOptions } from "@/lib/budgets/budget-queries";
import { listPlans, listPrograms, programSortable } from "@/lib/campaigns/plans";
import { pageCentral } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { EditPlanButton } from "./edit-dialogs";
import { PlanForm } from "./plan-form";
import { ProgramForm } from "./program-form";
import { ProgramsTable } from "./programs-table";

export const metadata: Metadata = { title: "Plans and programs" };

export default async function PlansPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/campaigns/plans");
  const sp = await searchParams;
  const query = parseTableQuery(sp, programSortable, { sort: "plan" });
  const db = getDb();
  const [plans, budgets] = await Promise.all([listPlans(db), budgetOptions(db)]);
  const planParam = firstParam(sp, "plan");
  const planId = plans.some((p) => p.id === planParam) ? planParam : undefined;
  const { rows, total } = await listPrograms(db, { ...query, planId });
  const planOptions = plans.map((p) => ({ id: p.id, label: p.label }));
  return (
    <>
      <PageHeader title="Plans and programs" description="Campaigns belong to a program, and each program to a plan." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_320px]">
        <ProgramsTable rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))} total={total} plans={planOptions} budgets={budgets} />
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-sm font-semibold text-slate-900">Plans</h2>
            {plans.length === 0 ? (
              <p className="text-sm text-slate-500">No plan yet.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {plans.map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-2">
                    <span className="min-w-0">
                      <span className="block font-medium text-slate-800">{p.label}</span>
                      <span className="block text-xs text-slate-500">
                        {p.programs} program{p.programs === 1 ? "" : "s"} · {p.budgetLabel ? `budget ${p.budgetLabel}` : "no budget"}
                      </span>
                    </span>
                    <EditPlanButton plan={{ id: p.id, label: p.label, budgetId: p.budgetId }} budgets={budgets} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <h2 className="mb-4 text-sm font-semibold text-slate-900">New plan</h2>
            <PlanForm budgets={budgets} />
          </Card>
          <Card>
            <h2 className="mb-4 text-sm font-semibold text-slate-900">New program</h2>
            <ProgramForm plans={planOptions} budgets={budgets} />
          </Card>
        </div>
      </div>
    </>
  );
}
