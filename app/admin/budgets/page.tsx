import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { budgetCurrencies, budgetSortable, budgetsComputedAt, listBudgets, listProgramFigures } from "@/lib/budgets/budget-queries";
import { pageCentral } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { BudgetFiguresChart } from "./budget-figures-chart";
import { BudgetsTable } from "./budgets-table";
import { ComputedAt } from "./computed-at";

export const metadata: Metadata = { title: "Budgets" };

export default async function BudgetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/budgets");
  const sp = await searchParams;
  const query = parseTableQuery(sp, budgetSortable, { sort: "label" });
  const currency = firstParam(sp, "currency");
  const db = getDb();
  const [{ rows, total }, currencies, computedAt, programs] = await Promise.all([
    listBudgets(db, { ...query, currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined }),
    budgetCurrencies(db),
    budgetsComputedAt(db),
    listProgramFigures(db),
  ]);
  return (
    <>
      <PageHeader
        title="Budgets"
        description="Allocated amounts against what campaigns plan, reserve, commit and spend, as Cost calculation (budgetMgt) last computed them."
        actions={
          <>
            <Button asChild variant="secondary">
              <a href="/admin/budgets/export" download>
                Export expense lines (CSV)
              </a>
            </Button>
            <Button asChild>
              <Link href="/admin/budgets/new">New budget</Link>
            </Button>
          </>
        }
      />
      <ComputedAt at={computedAt} />
      <div className="space-y-4">
        <Card>
          <BudgetFiguresChart
            id="budgets-chart"
            title="Budget dashboard"
            description="Per budget, for the budgets listed in the table below. A parent budget's figures include its child budgets'."
            rows={rows.map((r) => ({ ...r, href: `/admin/budgets/${r.id}`, sublabel: r.parentLabel ? `under ${r.parentLabel}` : undefined }))}
            empty="No budget to chart."
          />
        </Card>
        <Card>
          <BudgetFiguresChart
            id="programs-chart"
            title="Per program"
            description="What each program's Defined campaigns consolidate, against the Allocated amount of the program's own budget."
            rows={programs.rows.map((p) => ({
              ...p,
              sublabel: p.budgetLabel ? `${p.planLabel} · budget ${p.budgetLabel}` : p.planLabel,
            }))}
            empty="No program has a budget or figures yet."
            footnote={programs.total > programs.rows.length ? `The first ${programs.rows.length} of ${programs.total} programs, by plan and program.` : undefined}
          />
        </Card>
        <BudgetsTable rows={rows.map((r) => ({ ...r, computedAt: r.computedAt?.toISOString() ?? null }))} total={total} currencies={currencies} />
      </div>
    </>
  );
}
