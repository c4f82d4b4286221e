import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { Card } from "@/components/ui/card";
import { expenseLineOptions, getCampaignBudgetTab, listCampaignExpenseLines, listCampaignInvoices } from "@/lib/budgets/campaign-budget-queries";
import { pageCentral } from "@/lib/pages";
import type { SearchParams } from "@/lib/tables/params";
import { BudgetSettingsForm } from "./budget-settings-form";
import { DeliveryCostsForm } from "./delivery-costs-form";
import { ExpenseLinesSection } from "./expense-lines-section";
import { formatDateTime } from "@/lib/utils";
import { formatMoney, moneyInput } from "./format";
import { InvoicesSection } from "./invoices-section";
import { ListPager, pageParam } from "./list-pager";
import { TasksSection } from "./tasks-section";

export const metadata: Metadata = { title: "Campaign budget" };

const LINES_PER_PAGE = 20;
const INVOICES_PER_PAGE = 10;

function Section(props: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card className="space-y-4">
      <div>
        <h2 className="text-sm font-semibold text-slate-900">{props.title}</h2>
        {props.description ? <p className="text-xs text-slate-500">{props.description}</p> : null}
      </div>
      {props.children}
    </Card>
  );
}

/** A campaign's **Budget** tab (§9): its settings and the costs of its deliveries, tasks, expense lines and invoices. */
export default async function CampaignBudgetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const basePath = `/admin/campaigns/${id}/budget`;
  await pageCentral(basePath);
  if (!z.uuid().safeParse(id).success) notFound();
  const sp = await searchParams;
  const db = getDb();
  const tab = await getCampaignBudgetTab(db, id);
  if (!tab) notFound();
  const linesPage = { page: pageParam(sp, "linesPage"), perPage: LINES_PER_PAGE };
  const invoicesPage = { page: pageParam(sp, "invoicesPage"), perPage: INVOICES_PER_PAGE };
  const [lines, lineOptions, invoiceList] = await Promise.all([
    listCampaignExpenseLines(db, id, linesPage),
    expenseLineOptions(db, id),
    listCampaignInvoices(db, id, invoicesPage),
  ]);
  const { campaign: c, currency } = tab;
  const charged = tab.budgets.find((b) => b.id === (c.budgetId ?? tab.inherited?.budgetId));

  const figures = (
    <div className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm">
      <p className="text-slate-700">
        Calculated cost <span className="font-semibold tabular-nums">{formatMoney(c.calculatedCost, currency)}</span>
      </p>
      <p className="mt-1 text-xs text-slate-500">
        {tab.lastComputedAt ? `Last computed ${formatDateTime(tab.lastComputedAt)} UTC by the Cost calculation.` : "Figures refresh after the Cost calculation runs."}
        {tab.lastComputedAt && tab.pendingRecompute ? " Changes made since then show after its next run." : ""}
      </p>
    </div>
  );

  return (
    <>
      <div className="mb-6">
        {c.entityId ? (
          <p className="text-sm text-slate-600">{c.entityLabel}&apos;s campaign</p>
        ) : (
          <Link href={`/admin/campaigns/${c.id}`} className="text-sm text-blue-700 hover:underline">
            Back to the campaign
          </Link>
        )}
        <h1 className="mt-1 text-xl font-semibold text-slate-900">{c.label}</h1>
        <p className="mt-1 text-sm text-slate-600">Budget tab · {c.internalName} · amounts in {currency}</p>
      </div>
      <div className="space-y-6">
        <Section title="Budget">
          <BudgetSettingsForm
            initial={{
              campaignId: c.id,
              budgetId: c.budgetId ?? "",
              budgetCategoryId: c.budgetCategoryId ?? "",
              budgetProcess: c.budgetProcess,
              commitmentLevel: c.commitmentLevel,
              provisionalCost: moneyInput(c.provisionalCost),
              realCost: moneyInput(c.realCost),
            }}
            budgets={tab.budgets}
            inherited={tab.inherited}
            figures={figures}
          />
        </Section>
        <Section title="Deliveries" description="The service each delivery uses and its estimate: the Cost calculation prices them.">
          {/* Rows are bound by position: a delivery added or gone while the page is open starts the form afresh. */}
          <DeliveryCostsForm key={tab.deliveries.map((d) => d.id).join()} campaignId={c.id} rows={tab.deliveries} services={tab.services} currency={currency} />
        </Section>
        <Section title="Tasks" description="Work the campaign needs besides its deliveries. A finished task costs its category's structures × its days.">
          <TasksSection campaignId={c.id} tasks={tab.tasks} providers={tab.providers} services={tab.services} currency={currency} />
        </Section>
        <Section title="Expense lines" description="One line per priced delivery and task, kept by the Cost calculation, and the lines you add.">
          <ExpenseLinesSection
            campaignId={c.id}
            rows={lines.rows}
            categories={charged?.categories ?? null}
            currency={currency}
            pager={<ListPager basePath={basePath} sp={sp} param="linesPage" page={lines.page} perPage={LINES_PER_PAGE} total={lines.total} noun="expense lines" />}
          />
        </Section>
        <Section title="Invoices">
          <InvoicesSection
            campaignId={c.id}
            rows={invoiceList.rows}
            totals={invoiceList.totals}
            providers={tab.providers}
            expenseLines={lineOptions}
            currency={currency}
            pager={<ListPager basePath={basePath} sp={sp} param="invoicesPage" page={invoiceList.page} perPage={INVOICES_PER_PAGE} total={invoiceList.total} noun="invoices" />}
          />
        </Section>
      </div>
    </>
  );
}
