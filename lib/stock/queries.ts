import { and, asc, count, desc, eq, ilike, isNull, max, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaigns, costCategories, deliveries, providers, stockConsumptions, stockLines, stockOrders, technicalWorkflowRuns, users } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";

// Reads of the stock screens (§9). Every figure here was computed by stockMgt: nothing is summed
// for display, except what is on order, which stockMgt does not keep.

export const stockLineSortable = ["resource", "provider", "initialStock", "ordered", "consumed", "inStock", "alertLevel", "status"] as const;
export type StockLineSort = (typeof stockLineSortable)[number];

export const stockStatuses = ["alert", "ok"] as const;
export type StockStatus = (typeof stockStatuses)[number];
export type StockLineFilters = { status?: StockStatus; providerId?: string };

// At or below the alert level: the same test as stockMgt's, so the badge and the email agree.
const inAlert = sql<boolean>`(${stockLines.inStock} <= ${stockLines.alertLevel})`;
const onOrder = sql<number>`coalesce((select sum(o.volume) from ${stockOrders} o where o.stock_line_id = stock_lines.id and o.added_at is null), 0)::int`;

const lineColumns = {
  id: stockLines.id,
  resource: stockLines.resource,
  providerId: stockLines.providerId,
  providerName: providers.name,
  initialStock: stockLines.initialStock,
  ordered: stockLines.ordered,
  consumed: stockLines.consumed,
  inStock: stockLines.inStock,
  alertLevel: stockLines.alertLevel,
  onOrder,
  inAlert,
};

export async function listStockLines(db: DbOrTx, query: TableQuery<StockLineSort> & StockLineFilters) {
  const filters: SQL[] = [];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(stockLines.resource, p), ilike(providers.name, p))!);
  }
  if (query.status) filters.push(query.status === "alert" ? inAlert : sql`not ${inAlert}`);
  if (query.providerId) filters.push(eq(stockLines.providerId, query.providerId));
  const where = filters.length ? and(...filters) : undefined;
  const column = {
    resource: stockLines.resource,
    provider: providers.name,
    initialStock: stockLines.initialStock,
    ordered: stockLines.ordered,
    consumed: stockLines.consumed,
    inStock: stockLines.inStock,
    alertLevel: stockLines.alertLevel,
    status: inAlert,
  }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select(lineColumns)
      .from(stockLines)
      .leftJoin(providers, eq(providers.id, stockLines.providerId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(stockLines.resource), asc(stockLines.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(stockLines).leftJoin(providers, eq(providers.id, stockLines.providerId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type StockLineRow = Awaited<ReturnType<typeof listStockLines>>["rows"][number];

/**
 * The dashboard chart: the lines nearest their alert level first (those in alert, then by the
 * headroom above the level relative to it), at most `limit`; `total` says how many lines exist.
 */
export async function stockChartLines(db: DbOrTx, limit = 20) {
  const headroom = sql`(${stockLines.inStock} - ${stockLines.alertLevel})::float8 / greatest(${stockLines.alertLevel}, 1)`;
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: stockLines.id, resource: stockLines.resource, inStock: stockLines.inStock, alertLevel: stockLines.alertLevel, onOrder, inAlert })
      .from(stockLines)
      .orderBy(desc(inAlert), asc(headroom), asc(stockLines.resource), asc(stockLines.id))
      .limit(limit),
    db.select({ n: count(), alerts: sql<number>`count(*) filter (where ${inAlert})::int` }).from(stockLines),
  ]);
  return { rows, total: total?.n ?? 0, alerts: total?.alerts ?? 0 };
}
export type StockChartLine = Awaited<ReturnType<typeof stockChartLines>>["rows"][number];

/** When stockMgt last finished a run; before its first run, when it last changed a line's figures. */
export async function stockLastComputedAt(db: DbOrTx): Promise<Date | null> {
  const [run] = await db
    .select({ at: max(technicalWorkflowRuns.finishedAt) })
    .from(technicalWorkflowRuns)
    .where(and(eq(technicalWorkflowRuns.workflowId, "stockMgt"), eq(technicalWorkflowRuns.outcome, "succeeded")));
  if (run?.at) return new Date(run.at);
  const [line] = await db.select({ at: max(stockLines.computedAt) }).from(stockLines);
  return line?.at ? new Date(line.at) : null;
}

/** One line for its page: figures, provider, managers, and the services that draw on it. */
export async function getStockLine(db: DbOrTx, id: string) {
  const [line] = await db.select({ ...lineColumns, managerIds: stockLines.managerIds, alertSince: stockLines.alertSince, alertCount: stockLines.alertCount }).from(stockLines).leftJoin(providers, eq(providers.id, stockLines.providerId)).where(eq(stockLines.id, id));
  if (!line) return null;
  const services = await db
    .select({ id: costCategories.id, label: costCategories.label, providerId: providers.id, providerName: providers.name })
    .from(costCategories)
    .innerJoin(providers, eq(providers.id, costCategories.providerId))
    .where(eq(costCategories.stockLineId, id))
    .orderBy(asc(providers.name), asc(costCategories.label));
  return { line, services };
}
export type StockLinePage = NonNullable<Awaited<ReturnType<typeof getStockLine>>>;

/** The line's stock orders: those expected first (soonest first), then those added (latest first). */
export async function listStockOrders(db: DbOrTx, stockLineId: string, limit = 50) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: stockOrders.id, volume: stockOrders.volume, deliveryDate: stockOrders.deliveryDate, addedAt: stockOrders.addedAt })
      .from(stockOrders)
      .where(eq(stockOrders.stockLineId, stockLineId))
      .orderBy(sql`${stockOrders.addedAt} is not null`, sql`case when ${stockOrders.addedAt} is null then ${stockOrders.deliveryDate} end asc`, desc(stockOrders.deliveryDate), desc(stockOrders.createdAt))
      .limit(limit),
    db.select({ n: count() }).from(stockOrders).where(eq(stockOrders.stockLineId, stockLineId)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export const consumptionSortable = ["campaign", "delivery", "quantity"] as const;
export type ConsumptionSort = (typeof consumptionSortable)[number];

/** What the deliveries took from the line, by campaign then delivery. */
export async function listStockConsumption(db: DbOrTx, stockLineId: string, query: TableQuery<ConsumptionSort>) {
  const filters: SQL[] = [eq(stockConsumptions.stockLineId, stockLineId)];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(campaigns.label, p), ilike(deliveries.label, p))!);
  }
  const where = and(...filters);
  const column = { campaign: campaigns.label, delivery: deliveries.label, quantity: stockConsumptions.quantity }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: stockConsumptions.id, campaignId: campaigns.id, campaignLabel: campaigns.label, deliveryId: deliveries.id, deliveryLabel: deliveries.label, quantity: stockConsumptions.quantity })
      .from(stockConsumptions)
      .innerJoin(campaigns, eq(campaigns.id, stockConsumptions.campaignId))
      .leftJoin(deliveries, eq(deliveries.id, stockConsumptions.deliveryId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(campaigns.label), asc(deliveries.label), asc(stockConsumptions.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(stockConsumptions)
      .innerJoin(campaigns, eq(campaigns.id, stockConsumptions.campaignId))
      .leftJoin(deliveries, eq(deliveries.id, stockConsumptions.deliveryId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type StockConsumptionRow = Awaited<ReturnType<typeof listStockConsumption>>["rows"][number];

/** Choices of the forms: providers, stock managers (active central operators), stock lines. */
export function stockProviderOptions(db: DbOrTx) {
  return db.select({ id: providers.id, name: providers.name }).from(providers).orderBy(asc(providers.name), asc(providers.id));
}

export function stockManagerOptions(db: DbOrTx) {
  return db
    .select({ id: users.id, label: users.name, hint: users.email })
    .from(users)
    .where(and(eq(users.role, "central"), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.email));
}

export function stockLineOptions(db: DbOrTx) {
  return db.select({ id: stockLines.id, resource: stockLines.resource }).from(stockLines).orderBy(asc(stockLines.resource), asc(stockLines.id));
}
