import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { costCategories, stockLines, stockOrders } from "../../db/schema";
import { createProviderDef, updateProviderDef } from "../providers/actions";
import { getProviderForEdit } from "../providers/queries";
import { blankStructure, type ProviderInput } from "../providers/schemas";
import { createUser, twoTenants, uniq } from "../testing/factories";
import { addStockOrderDef, createStockLineDef, removeStockOrderDef, updateStockLineDef } from "./actions";
import { getStockLine, listStockLines } from "./queries";
import type { StockLineInput } from "./schemas";
import { runStockMgt } from "./stock-mgt";

const db = () => getDb();
const idOf = (res: unknown) => (res as { data: { id: string } }).data.id;
const linesNamed = (resource: string) => db().select().from(stockLines).where(eq(stockLines.resource, resource));
const ordersOf = (lineId: string) => db().select().from(stockOrders).where(eq(stockOrders.stockLineId, lineId));
const stockMgtSoon = async () => (await db().execute(sql`select 1 from graphile_worker._private_jobs where key = 'technical:stockMgt:command'`)).length;

describe("stock lines and stock orders", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  const form = (over: Partial<StockLineInput> = {}): StockLineInput => ({ resource: uniq("Voucher"), providerId: "", initialStock: 500, alertLevel: 100, managerIds: [t.central.userId], ...over });
  beforeAll(async () => {
    t = await twoTenants();
  });

  it("creates a line whose stock is its initial stock at once, and asks stockMgt to run soon", async () => {
    const input = form();
    const res = await createStockLineDef.run(t.central, input);
    expect(res).toMatchObject({ ok: true });
    expect(await linesNamed(input.resource)).toMatchObject([{ initialStock: 500, alertLevel: 100, inStock: 500, ordered: 0, consumed: 0, managerIds: [t.central.userId], alertSince: null }]);
    expect(await stockMgtSoon()).toBe(1);

    // A new initial stock moves in stock by the difference, from the figures last computed.
    const id = idOf(res);
    await db().update(stockLines).set({ ordered: 50, consumed: 120, inStock: 430 }).where(eq(stockLines.id, id));
    expect(await updateStockLineDef.run(t.central, { ...input, id, initialStock: 600, resource: `${input.resource} A5` })).toEqual({ ok: true, data: { id } });
    expect((await getStockLine(db(), id))!.line).toMatchObject({ resource: `${input.resource} A5`, initialStock: 600, inStock: 530, inAlert: false });
  });

  it("refuses bad input on its fields and saves nothing", async () => {
    const resource = uniq("Bad");
    const cases: [Partial<StockLineInput>, Record<string, string>][] = [
      [{ resource: "  ", initialStock: -1, alertLevel: 1.5 }, { resource: "Enter the marketing resource, like Spring brochure A5.", initialStock: "Use 0 or more.", alertLevel: "Enter the alert level as a whole number." }],
      [{ resource, initialStock: Number.NaN }, { initialStock: "Enter the initial stock as a whole number." }],
      [{ resource, providerId: "not-a-provider" }, { providerId: expect.any(String) }],
    ];
    for (const [over, fieldErrors] of cases) {
      expect(await createStockLineDef.run(t.central, form(over))).toEqual({ ok: false, code: "invalid_input", error: "Some fields need your attention.", fieldErrors });
    }
    // Checked against the database: a provider that does not exist, a manager who is not central.
    const local = await createUser({ role: "local" });
    const res = await createStockLineDef.run(t.central, form({ resource, providerId: crypto.randomUUID(), managerIds: [t.central.userId, local.id] }));
    expect(res).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { providerId: "This provider no longer exists. Choose another one.", managerIds: "Stock managers must be active central operators." },
    });
    expect(await linesNamed(resource)).toEqual([]);
    // Central operators only.
    expect(await createStockLineDef.run(t.opA, form({ resource }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await linesNamed(resource)).toEqual([]);
  });

  it("adds stock orders, refuses bad ones on their fields, and removes only those not yet added", async () => {
    const lineId = idOf(await createStockLineDef.run(t.central, form()));
    expect(await addStockOrderDef.run(t.central, { stockLineId: lineId, volume: 0, deliveryDate: "2026-02-30" })).toMatchObject({
      ok: false,
      fieldErrors: { volume: "Order at least 1.", deliveryDate: "Enter the delivery date." },
    });
    expect(await addStockOrderDef.run(t.central, { stockLineId: crypto.randomUUID(), volume: 10, deliveryDate: "2030-01-01" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await ordersOf(lineId)).toEqual([]);

    const past = idOf(await addStockOrderDef.run(t.central, { stockLineId: lineId, volume: 300, deliveryDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) }));
    const future = idOf(await addStockOrderDef.run(t.central, { stockLineId: lineId, volume: 700, deliveryDate: "2099-06-01" }));
    await db().transaction((tx) => runStockMgt(tx, { lineIds: [lineId] }));
    expect(await removeStockOrderDef.run(t.central, { stockOrderId: past })).toMatchObject({ ok: false, code: "conflict", error: expect.stringContaining("it can no longer be removed") });
    expect(await removeStockOrderDef.run(t.central, { stockOrderId: future })).toEqual({ ok: true, data: { removed: true } });
    expect((await ordersOf(lineId)).map((o) => o.id)).toEqual([past]);
    expect((await getStockLine(db(), lineId))!.line).toMatchObject({ ordered: 300, inStock: 800, onOrder: 0 });
  });

  it("refuses a stock order that would take the line past what its figures can hold", async () => {
    const lineId = idOf(await createStockLineDef.run(t.central, form({ initialStock: 100_000_000 })));
    await db().insert(stockOrders).values(Array.from({ length: 20 }, () => ({ stockLineId: lineId, volume: 100_000_000, deliveryDate: "2030-01-01" })));
    const refused = await addStockOrderDef.run(t.central, { stockLineId: lineId, volume: 100_000_000, deliveryDate: "2030-01-01" });
    expect(refused).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { volume: expect.stringMatching(/more than 2,147,483,647 units/) } });
    expect(await db().select().from(stockOrders).where(eq(stockOrders.stockLineId, lineId))).toHaveLength(20);
  });

  it("lists lines with their figures, filtered by status and search, sorted", async () => {
    const tag = uniq("List");
    const low = idOf(await createStockLineDef.run(t.central, form({ resource: `${tag} low`, initialStock: 10, alertLevel: 10 })));
    const high = idOf(await createStockLineDef.run(t.central, form({ resource: `${tag} high`, initialStock: 5000, alertLevel: 10 })));
    const query = { page: 1, perPage: 20, sort: "inStock" as const, desc: true, q: tag };
    expect(await listStockLines(db(), query)).toMatchObject({ total: 2, rows: [{ id: high, inStock: 5000, inAlert: false }, { id: low, inStock: 10, inAlert: true }] });
    expect(await listStockLines(db(), { ...query, status: "alert" })).toMatchObject({ total: 1, rows: [{ id: low }] });
    expect(await listStockLines(db(), { ...query, status: "ok", q: tag.toUpperCase() })).toMatchObject({ total: 1, rows: [{ id: high }] });
  });

  it("sets a provider cost category's stock line, keeps it when the form leaves it out, and refuses an unknown one", async () => {
    const lineId = idOf(await createStockLineDef.run(t.central, form()));
    const category = (stockLineId?: string): ProviderInput["categories"][number] => ({
      id: "",
      label: "Printing",
      channel: "direct_mail",
      costTypes: "",
      structures: [{ ...blankStructure("linear"), label: "Unit", amount: "0.10" }],
      ...(stockLineId === undefined ? {} : { stockLineId }),
    });
    const provider = (categories: ProviderInput["categories"]): ProviderInput => ({ name: uniq("Printer"), contactEmails: "p@test.local", exportColumns: [], fileNamePattern: "{delivery}.csv", notifySubject: "", notifyBody: "", finishOnSend: false, categories });
    const stockOf = async (providerId: string) => (await db().select({ s: costCategories.stockLineId }).from(costCategories).where(eq(costCategories.providerId, providerId)))[0]!.s;

    const id = idOf(await createProviderDef.run(t.central, provider([category(lineId)])));
    expect(await stockOf(id)).toBe(lineId);
    expect((await getStockLine(db(), lineId))!.services).toMatchObject([{ providerId: id, label: "Printing" }]);
    const categoryId = (await getProviderForEdit(db(), id))!.values.categories[0]!.id;

    expect(await updateProviderDef.run(t.central, { ...provider([{ ...category(), id: categoryId }]), id })).toMatchObject({ ok: true });
    expect(await stockOf(id)).toBe(lineId);
    expect(await updateProviderDef.run(t.central, { ...provider([{ ...category(crypto.randomUUID()), id: categoryId }]), id })).toMatchObject({
      ok: false,
      fieldErrors: { "categories.0.stockLineId": "This stock line no longer exists. Choose another one." },
    });
    expect(await stockOf(id)).toBe(lineId);
    expect(await updateProviderDef.run(t.central, { ...provider([{ ...category(""), id: categoryId }]), id })).toMatchObject({ ok: true });
    expect(await stockOf(id)).toBeNull();
  });
});
