import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  budgetCategories,
  budgets,
  campaigns,
  campaignTasks,
  costCategories,
  deliveries,
  entities,
  expenseLines,
  invoiceLines,
  invoices,
  plans,
  programs,
  providers,
  technicalWorkflowRuns,
} from "@/db/schema";
import { chargedBudgetOf } from "./campaign-budget";

// What a campaign's Budget tab reads. Figures (calculated costs, generated lines) are budgetMgt's:
// these queries only read them, and say when budgetMgt last succeeded.

export type Page = { page: number; perPage: number };

/** The page to show: one past the end (its last row was just removed) shows the last page. */
function clamp(p: Page, total: number): Page & { offset: number } {
  const page = Math.min(p.page, Math.max(1, Math.ceil(total / p.perPage)));
  return { page, perPage: p.perPage, offset: (page - 1) * p.perPage };
}

/** The campaign's budget settings, the options of its selects, its deliveries and tasks. */
export async function getCampaignBudgetTab(db: DbOrTx, campaignId: string) {
  const [campaign] = await db
    .select({
      id: campaigns.id,
      label: campaigns.label,
      internalName: campaigns.internalName,
      entityId: campaigns.entityId,
      entityLabel: entities.label,
      budgetId: campaigns.budgetId,
      budgetCategoryId: campaigns.budgetCategoryId,
      budgetProcess: campaigns.budgetProcess,
      commitmentLevel: campaigns.commitmentLevel,
      provisionalCost: campaigns.provisionalCost,
      calculatedCost: campaigns.calculatedCost,
      realCost: campaigns.realCost,
      costChangedAt: campaigns.costChangedAt,
      programLabel: programs.label,
      programBudgetId: programs.budgetId,
      planLabel: plans.label,
      planBudgetId: plans.budgetId,
    })
    .from(campaigns)
    .leftJoin(entities, eq(entities.id, campaigns.entityId))
    .leftJoin(programs, eq(programs.id, campaigns.programId))
    .leftJoin(plans, eq(plans.id, programs.planId))
    .where(eq(campaigns.id, campaignId));
  if (!campaign) return null;

  const [budgetRows, categoryRows, deliveryRows, taskRows, serviceRows, providerRows, lastRun] = await Promise.all([
    db.select({ id: budgets.id, label: budgets.label, currency: budgets.currency }).from(budgets).orderBy(asc(budgets.label), asc(budgets.id)),
    db.select({ id: budgetCategories.id, budgetId: budgetCategories.budgetId, label: budgetCategories.label }).from(budgetCategories).orderBy(asc(budgetCategories.label)),
    db
      .select({
        id: deliveries.id,
        label: deliveries.label,
        channel: deliveries.channel,
        status: deliveries.status,
        costCategoryId: deliveries.costCategoryId,
        provisionalCost: deliveries.provisionalCost,
        realCost: deliveries.realCost,
        targetedCount: deliveries.targetedCount,
        calculatedCost: deliveries.calculatedCost,
      })
      .from(deliveries)
      .where(eq(deliveries.campaignId, campaignId))
      .orderBy(asc(deliveries.createdAt), asc(deliveries.id)),
    db
      .select({
        id: campaignTasks.id,
        label: campaignTasks.label,
        status: campaignTasks.status,
        days: campaignTasks.days,
        providerId: campaignTasks.providerId,
        providerName: providers.name,
        costCategoryId: campaignTasks.costCategoryId,
        costCategoryLabel: costCategories.label,
        provisionalCost: campaignTasks.provisionalCost,
        realCost: campaignTasks.realCost,
        calculatedCost: campaignTasks.calculatedCost,
      })
      .from(campaignTasks)
      .leftJoin(providers, eq(providers.id, campaignTasks.providerId))
      .leftJoin(costCategories, eq(costCategories.id, campaignTasks.costCategoryId))
      .where(eq(campaignTasks.campaignId, campaignId))
      .orderBy(asc(campaignTasks.createdAt), asc(campaignTasks.id)),
    db
      .select({ id: costCategories.id, label: costCategories.label, channel: costCategories.channel, providerId: providers.id, providerName: providers.name })
      .from(costCategories)
      .innerJoin(providers, eq(providers.id, costCategories.providerId))
      .orderBy(asc(providers.name), asc(costCategories.label)),
    db.select({ id: providers.id, name: providers.name }).from(providers).orderBy(asc(providers.name)),
    db
      .select({ finishedAt: technicalWorkflowRuns.finishedAt })
      .from(technicalWorkflowRuns)
      .where(and(eq(technicalWorkflowRuns.workflowId, "budgetMgt"), eq(technicalWorkflowRuns.outcome, "succeeded")))
      .orderBy(desc(technicalWorkflowRuns.startedAt))
      .limit(1),
  ]);

  const budgetOptions = budgetRows.map((b) => ({ ...b, categories: categoryRows.filter((c) => c.budgetId === b.id).map((c) => ({ id: c.id, label: c.label })) }));
  const inheritedId = campaign.programBudgetId ?? campaign.planBudgetId ?? null;
  const inherited = inheritedId
    ? { budgetId: inheritedId, from: campaign.programBudgetId ? ("program" as const) : ("plan" as const), label: budgetRows.find((b) => b.id === inheritedId)?.label ?? "" }
    : null;
  const charged = budgetRows.find((b) => b.id === chargedBudgetOf(campaign));
  const lastComputedAt = lastRun[0]?.finishedAt ?? null;
  return {
    campaign,
    budgets: budgetOptions,
    inherited,
    currency: charged?.currency ?? "EUR",
    deliveries: deliveryRows,
    tasks: taskRows,
    services: serviceRows,
    providers: providerRows,
    lastComputedAt,
    // A change after the last run is not in the figures yet.
    pendingRecompute: !lastComputedAt || campaign.costChangedAt > lastComputedAt,
  };
}
export type CampaignBudgetTab = NonNullable<Awaited<ReturnType<typeof getCampaignBudgetTab>>>;

/** The campaign's expense lines, generated ones first (by their delivery or task), then manual ones. */
export async function listCampaignExpenseLines(db: DbOrTx, campaignId: string, page: Page) {
  const where = eq(expenseLines.campaignId, campaignId);
  const kind = sql<"delivery" | "task" | "manual">`case when ${expenseLines.deliveryId} is not null then 'delivery' when ${expenseLines.taskId} is not null then 'task' else 'manual' end`;
  const [total] = await db.select({ n: count() }).from(expenseLines).where(where);
  const at = clamp(page, total?.n ?? 0);
  const rows = await db
    .select({
      id: expenseLines.id,
      label: expenseLines.label,
      kind,
      budgetCategoryId: expenseLines.budgetCategoryId,
      budgetCategoryLabel: budgetCategories.label,
      amount: expenseLines.amount,
      realAmount: expenseLines.realAmount,
    })
    .from(expenseLines)
    .leftJoin(budgetCategories, eq(budgetCategories.id, expenseLines.budgetCategoryId))
    .where(where)
    .orderBy(sql`${kind} = 'manual'`, asc(expenseLines.createdAt), asc(expenseLines.id))
    .limit(at.perPage)
    .offset(at.offset);
  return { rows, total: total?.n ?? 0, page: at.page };
}
export type ExpenseLineRow = Awaited<ReturnType<typeof listCampaignExpenseLines>>["rows"][number];

/** The campaign's expense lines an invoice line may point at, by label. */
export async function expenseLineOptions(db: DbOrTx, campaignId: string) {
  return db
    .select({ id: expenseLines.id, label: expenseLines.label })
    .from(expenseLines)
    .where(eq(expenseLines.campaignId, campaignId))
    .orderBy(asc(expenseLines.label), asc(expenseLines.id));
}

/** The campaign's invoices, newest issue first, each with its lines and total; and the campaign's totals. */
export async function listCampaignInvoices(db: DbOrTx, campaignId: string, page: Page) {
  const where = eq(invoices.campaignId, campaignId);
  const lineTotal = sql<string>`(select coalesce(sum(l.amount), 0)::text from ${invoiceLines} l where l.invoice_id = invoices.id)`;
  const [[total], [sums]] = await Promise.all([
    db.select({ n: count() }).from(invoices).where(where),
    db
      .select({
        all: sql<string>`coalesce(sum(${invoiceLines.amount}), 0)::text`,
        paid: sql<string>`coalesce(sum(${invoiceLines.amount}) filter (where ${invoices.status} = 'paid'), 0)::text`,
      })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(where),
  ]);
  const at = clamp(page, total?.n ?? 0);
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      providerId: invoices.providerId,
      providerName: providers.name,
      issuedOn: invoices.issuedOn,
      status: invoices.status,
      paidOn: invoices.paidOn,
      total: lineTotal,
    })
    .from(invoices)
    .leftJoin(providers, eq(providers.id, invoices.providerId))
    .where(where)
    .orderBy(desc(invoices.issuedOn), desc(invoices.createdAt), asc(invoices.id))
    .limit(at.perPage)
    .offset(at.offset);
  const lines = rows.length
    ? await db
        .select({ id: invoiceLines.id, invoiceId: invoiceLines.invoiceId, label: invoiceLines.label, amount: invoiceLines.amount, expenseLineId: invoiceLines.expenseLineId })
        .from(invoiceLines)
        .where(inArray(invoiceLines.invoiceId, rows.map((r) => r.id)))
        // Lines have no position: by label, so an edited invoice lists them as before.
        .orderBy(asc(invoiceLines.label), asc(invoiceLines.id))
    : [];
  return {
    rows: rows.map((r) => ({ ...r, lines: lines.filter((l) => l.invoiceId === r.id) })),
    total: total?.n ?? 0,
    page: at.page,
    totals: { all: sums?.all ?? "0", paid: sums?.paid ?? "0" },
  };
}
export type InvoiceRow = Awaited<ReturnType<typeof listCampaignInvoices>>["rows"][number];
