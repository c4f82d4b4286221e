import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { chargingCampaignSortable, getBudgetForEdit, listChargingCampaigns, listChildBudgets, parentOptions } from "@/lib/budgets/budgets-detail";
import { pageCentral } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { BudgetForm } from "../budget-form";
import { ComputedAt } from "../computed-at";
import { BudgetFiguresSummary } from "./budget-figures-summary";
import { ChargingCampaignsTable } from "./charging-campaigns-table";
import { ChildBudgets } from "./child-budgets";

export const metadata: Metadata = { title: "Budget" };

export default async function BudgetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  await pageCentral(`/admin/budgets/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const sp = await searchParams;
  const db = getDb();
  const found = await getBudgetForEdit(db, id);
  if (!found) notFound();
  const { budget, values } = found;
  const childPage = z.coerce.number().int().min(1).max(100_000).catch(1).parse(firstParam(sp, "children") ?? 1);
  const query = parseTableQuery(sp, chargingCampaignSortable, { sort: "label" });
  const [parents, children, campaigns] = await Promise.all([parentOptions(db, id), listChildBudgets(db, id, childPage), listChargingCampaigns(db, id, query)]);
  return (
    <>
      <PageHeader
        title={budget.label}
        description={`Budget · ${budget.currency}${budget.parentLabel ? ` · under ${budget.parentLabel}` : ""}`}
        actions={
          <>
            <Button asChild variant="secondary">
              <a href={`/admin/budgets/export?budgetId=${budget.id}`} download>
                Export expense lines (CSV)
              </a>
            </Button>
            <Button asChild variant="secondary">
              <Link href="/admin/budgets">All budgets</Link>
            </Button>
          </>
        }
      />
      <ComputedAt at={budget.computedAt} />
      <div className="space-y-6">
        <Card>
          <BudgetFiguresSummary budget={budget} />
        </Card>
        <BudgetForm id={budget.id} initial={values} parents={parents} />
        <Card>
          <ChildBudgets budgetId={budget.id} list={children} page={childPage} sp={sp} />
        </Card>
        <section className="space-y-3" aria-labelledby="charging-campaigns-title">
          <h2 id="charging-campaigns-title" className="text-sm font-semibold text-slate-900">
            Campaigns charging this budget
          </h2>
          <ChargingCampaignsTable rows={campaigns.rows} total={campaigns.total} currency={budget.currency} />
        </section>
      </div>
    </>
  );
}
