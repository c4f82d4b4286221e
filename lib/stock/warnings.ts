import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { costCategories, deliveries, stockLines, workflows, type WorkflowActivity } from "@/db/schema";

export type StockWarning = {
  lineId: string;
  resource: string;
  /** What the delivery takes: its targeted count, or else the population its workflow brings to it. */
  needed: number;
  /** True when `needed` comes from the workflow's population, before the delivery is analysed. */
  estimated: boolean;
  /** What the line has for this delivery: in stock, not counting what the delivery itself takes. */
  inStock: number;
  alertLevel: number;
};

// Past these, the delivery has done its consuming: a warning would only be noise.
const closed = new Set(["finished", "stopped", "canceled"]);

/**
 * The overdraw warning shown at approval (§9): null unless the delivery's cost category consumes a
 * stock line and the delivery needs more than the line has: its initial stock and delivered orders,
 * less what every other delivery takes from it. The delivery's own consumption is left out, so it
 * is not counted against itself.
 */
export async function stockWarningFor(db: DbOrTx, deliveryId: string): Promise<StockWarning | null> {
  const [row] = await db
    .select({
      status: deliveries.status,
      campaignId: deliveries.campaignId,
      workflowId: deliveries.workflowId,
      targetedCount: deliveries.targetedCount,
      lineId: stockLines.id,
      resource: stockLines.resource,
      // What the line has for this delivery, as of now: consumptions are written at each
      // delivery's commit (migration 0017), ahead of stockMgt's next run, so the others' are added
      // up here rather than read from its stored in stock.
      available: sql<number>`(${stockLines.initialStock} + ${stockLines.ordered} - coalesce((select sum(sc.quantity) from stock_consumptions sc
        where sc.stock_line_id = stock_lines.id and sc.delivery_id is distinct from deliveries.id), 0))::int`,
      alertLevel: stockLines.alertLevel,
    })
    .from(deliveries)
    .innerJoin(costCategories, eq(costCategories.id, deliveries.costCategoryId))
    .innerJoin(stockLines, eq(stockLines.id, costCategories.stockLineId))
    .where(eq(deliveries.id, deliveryId));
  if (!row || closed.has(row.status)) return null;
  const population = row.targetedCount == null ? await populationReaching(db, row.campaignId, row.workflowId, deliveryId) : null;
  const needed = row.targetedCount ?? population;
  if (needed == null) return null;
  if (needed <= row.available) return null;
  return { lineId: row.lineId, resource: row.resource, needed, estimated: row.targetedCount == null, inStock: row.available, alertLevel: row.alertLevel };
}

/**
 * The population that reaches the delivery's activity: that of the activity whose `next` holds it,
 * once that activity has run. Null when the workflow has not got that far.
 */
async function populationReaching(db: DbOrTx, campaignId: string, workflowId: string | null, deliveryId: string): Promise<number | null> {
  const holds = sql`${workflows.activities} @> ${JSON.stringify([{ deliveryId }])}::jsonb`;
  const [w] = await db
    .select({ activities: workflows.activities, populations: workflows.populations })
    .from(workflows)
    .where(and(eq(workflows.campaignId, campaignId), workflowId ? eq(workflows.id, workflowId) : undefined, holds))
    .limit(1);
  if (!w) return null;
  const activities: WorkflowActivity[] = w.activities;
  const target = activities.find((a) => a.kind === "delivery" && a.deliveryId === deliveryId);
  const before = target && activities.find((a) => a.next.includes(target.id));
  const n = before ? w.populations[before.id] : undefined;
  return typeof n === "number" ? n : null;
}
