import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { providers, stockLines, stockOrders, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { runStockMgtSoon } from "@/lib/technical/task";
import { formatDay } from "@/lib/utils";
import type { StockLineValues, StockOrderInput } from "./schemas";

// Stock lines and stock orders (§9). Every change asks stockMgt to run soon, in the same
// transaction, so ordered / consumed / in stock and the alert follow within a minute.

/** The provider must exist and every manager be an active central operator: refused on the field otherwise. */
async function checkReferences(tx: Tx, values: StockLineValues) {
  const fieldErrors: Record<string, string> = {};
  if (values.providerId) {
    const [p] = await tx.select({ id: providers.id }).from(providers).where(eq(providers.id, values.providerId));
    if (!p) fieldErrors.providerId = "This provider no longer exists. Choose another one.";
  }
  const ids = [...new Set(values.managerIds)];
  if (ids.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.role, "central"), isNull(users.disabledAt)));
    if (found.length !== ids.length) fieldErrors.managerIds = "Stock managers must be active central operators.";
  }
  if (Object.keys(fieldErrors).length) throw new AppError("invalid_input", undefined, fieldErrors);
  return ids;
}

export async function createStockLine(tx: Tx, values: StockLineValues): Promise<{ id: string }> {
  const managerIds = await checkReferences(tx, values);
  // A new line has nothing ordered or consumed yet: its stock is the initial stock right away,
  // rather than 0 until stockMgt's next run.
  const [row] = await tx
    .insert(stockLines)
    .values({ resource: values.resource, providerId: values.providerId || null, initialStock: values.initialStock, alertLevel: values.alertLevel, managerIds, inStock: values.initialStock })
    .returning({ id: stockLines.id });
  await runStockMgtSoon(tx);
  return { id: row!.id };
}

export async function updateStockLine(tx: Tx, id: string, values: StockLineValues): Promise<{ id: string }> {
  const managerIds = await checkReferences(tx, values);
  // In stock follows a new initial stock at once, from the figures stockMgt last computed.
  const [row] = await tx
    .update(stockLines)
    .set({
      resource: values.resource,
      providerId: values.providerId || null,
      initialStock: values.initialStock,
      alertLevel: values.alertLevel,
      managerIds,
      inStock: sql`${values.initialStock}::int + ${stockLines.ordered} - ${stockLines.consumed}`,
      updatedAt: sql`now()`,
    })
    .where(eq(stockLines.id, id))
    .returning({ id: stockLines.id });
  if (!row) throw new AppError("not_found");
  await runStockMgtSoon(tx);
  return { id: row.id };
}

/** A replenishment, added to the stock by stockMgt once its delivery date has come. */
const MAX_STOCK = 2_147_483_647;

export async function addStockOrder(tx: Tx, input: StockOrderInput): Promise<{ id: string }> {
  const [line] = await tx
    .select({ id: stockLines.id, total: sql<number>`${stockLines.initialStock}::bigint + coalesce((select sum(o.volume) from stock_orders o where o.stock_line_id = stock_lines.id), 0)` })
    .from(stockLines)
    .where(eq(stockLines.id, input.stockLineId))
    .for("update");
  if (!line) throw new AppError("not_found");
  // The line's figures are 32-bit integers: an order that would take them past that is refused
  // here, rather than making every later stockMgt run fail.
  if (Number(line.total) + input.volume > MAX_STOCK) {
    throw new AppError("invalid_input", undefined, { volume: `With this order the line would hold more than ${MAX_STOCK.toLocaleString("en")} units.` });
  }
  const [row] = await tx.insert(stockOrders).values({ stockLineId: line.id, volume: input.volume, deliveryDate: input.deliveryDate }).returning({ id: stockOrders.id });
  await runStockMgtSoon(tx);
  return { id: row!.id };
}

/** Only an order not yet added can go: once added, it is part of the line's history and figures. */
export async function removeStockOrder(tx: Tx, stockOrderId: string): Promise<{ removed: true }> {
  const [removed] = await tx
    .delete(stockOrders)
    .where(and(eq(stockOrders.id, stockOrderId), isNull(stockOrders.addedAt)))
    .returning({ id: stockOrders.id });
  if (!removed) {
    const [kept] = await tx.select({ addedAt: stockOrders.addedAt }).from(stockOrders).where(eq(stockOrders.id, stockOrderId));
    if (!kept) throw new AppError("not_found");
    throw new AppError("conflict", `This stock order was added to the stock on ${formatDay(kept.addedAt)}: it can no longer be removed.`);
  }
  await runStockMgtSoon(tx);
  return { removed: true };
}
