import { and, eq, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, costCategories, deliveries, notifications, providers, stockConsumptions, stockLines, stockOrders, users } from "../../db/schema";
import { twoTenants, createUser, uniq } from "../testing/factories";
import { addStockOrderDef, createStockLineDef } from "./actions";
import { runStockMgt } from "./stock-mgt";

// stockMgt works over the whole shared database: every run here is limited to this file's lines,
// and every assertion reads this file's rows.

const db = () => getDb();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** A full run over these lines; its figures without the mode and watermark every run records. */
async function run(...lineIds: string[]) {
  const {
    itemsHandled,
    details: { mode, watermark, linesExamined, ...details },
  } = await db().transaction((tx) => runStockMgt(tx, { lineIds }));
  // A full run re-adds every line it is given.
  expect([mode, typeof watermark, linesExamined]).toEqual(["full", "string", lineIds.length]);
  return { itemsHandled, details };
}
/** The database's clock: stamps made after this are ≥ it. */
const clock = async () => (await db().execute<{ now: string }>(sql`select clock_timestamp()::text as now`))[0]!.now;
const lineRow = async (id: string) => (await db().select().from(stockLines).where(eq(stockLines.id, id)))[0]!;
const alertEmails = (lineId: string) => db().select().from(notifications).where(like(notifications.eventKey, `stock-alert:${lineId}:%`)).orderBy(notifications.eventKey);
const consumptionsOf = (lineId: string) => db().select().from(stockConsumptions).where(eq(stockConsumptions.stockLineId, lineId)).orderBy(stockConsumptions.quantity);
const nothing = { consumptionsChanged: 0, ordersAdded: 0, linesChanged: 0, alertsRaised: 0, alertsCleared: 0, emails: 0 };

/** A provider service drawing on `lineId`, and a started campaign to hang deliveries on. */
async function serviceOn(lineId: string | null) {
  const [provider] = await db().insert(providers).values({ name: uniq("Printer") }).returning();
  const [category] = await db().insert(costCategories).values({ providerId: provider!.id, label: "Printing", channel: "direct_mail", stockLineId: lineId }).returning();
  const [campaign] = await db().insert(campaigns).values({ label: uniq("Spring"), internalName: uniq("spring"), status: "started" }).returning();
  return { category: category!, campaign: campaign! };
}

async function delivery(campaignId: string, costCategoryId: string | null, targetedCount: number | null, status: typeof deliveries.$inferInsert.status = "sent_to_provider") {
  const [d] = await db().insert(deliveries).values({ campaignId, label: uniq("Mailing"), channel: "direct_mail", status, costCategoryId, targetedCount }).returning();
  return d!;
}

describe("stockMgt", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await twoTenants();
  });

  async function line(initialStock: number, alertLevel: number, managerIds: string[] = []) {
    const res = await createStockLineDef.run(t.central, { resource: uniq("Brochure"), providerId: "", initialStock, alertLevel, managerIds });
    if (!res.ok) throw new Error(res.error);
    return lineRow(res.data.id);
  }

  it("raises an alert once per crossing, emails each manager once, and clears it when a stock order arrives", async () => {
    const [ann, bob] = [await createUser({ role: "central" }), await createUser({ role: "central" })];
    const l = await line(1000, 300, [ann.id, bob.id]);
    // A manager disabled since, and a local operator slipped into the list, get nothing.
    const gone = await createUser({ role: "central" });
    const local = await createUser({ role: "local" });
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
    await db().update(stockLines).set({ managerIds: [ann.id, bob.id, gone.id, local.id] }).where(eq(stockLines.id, l.id));

    const { category, campaign } = await serviceOn(l.id);
    const other = await serviceOn(null);
    const d1 = await delivery(campaign.id, category.id, 400);
    await delivery(campaign.id, category.id, 350, "finished");
    await delivery(campaign.id, category.id, 100, "canceled"); // canceled: consumes nothing
    await delivery(campaign.id, category.id, null, "being_edited"); // not analysed yet
    await delivery(other.campaign.id, other.category.id, 5000); // its service uses no stock line

    // 1000 initial − (400 + 350) consumed = 250 in stock, at or below 300: alert.
    expect(await run(l.id)).toEqual({ itemsHandled: 2, details: { consumptionsChanged: 0, ordersAdded: 0, linesChanged: 1, alertsRaised: 1, alertsCleared: 0, emails: 2 } });
    expect(await lineRow(l.id)).toMatchObject({ ordered: 0, consumed: 750, inStock: 250, alertCount: 1, alertSince: expect.any(Date), computedAt: expect.any(Date) });
    const first = await alertEmails(l.id);
    expect(first.map((m) => [m.eventKey, m.recipient])).toEqual(
      [[`stock-alert:${l.id}:1:${ann.id}`, ann.email], [`stock-alert:${l.id}:1:${bob.id}`, bob.email]].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(first[0]).toMatchObject({ template: "stock_alert", subject: `[Stock alert] ${l.resource}: 250 left` });
    expect(first[0]!.payload).toMatchObject({ inStock: 250, alertLevel: 300, url: `${process.env.APP_URL}/admin/stock/${l.id}` });

    // Still in alert: later runs change nothing and email no one again.
    expect(await run(l.id)).toEqual({ itemsHandled: 0, details: nothing });
    expect(await alertEmails(l.id)).toHaveLength(2);

    // A stock order delivered today is added; one due tomorrow waits. 1000 + 500 − 750 = 750 > 300: cleared.
    for (const [volume, deliveryDate] of [[500, day(0)], [2000, day(1)]] as const) {
      expect(await addStockOrderDef.run(t.central, { stockLineId: l.id, volume, deliveryDate })).toMatchObject({ ok: true });
    }
    expect(await run(l.id)).toEqual({ itemsHandled: 3, details: { ...nothing, ordersAdded: 1, linesChanged: 1, alertsCleared: 1 } });
    expect(await lineRow(l.id)).toMatchObject({ ordered: 500, consumed: 750, inStock: 750, alertSince: null, alertCount: 1 });
    const orders = await db().select().from(stockOrders).where(eq(stockOrders.stockLineId, l.id)).orderBy(stockOrders.volume);
    expect(orders.map((o) => [o.volume, o.addedAt !== null])).toEqual([[500, true], [2000, false]]);
    expect(await alertEmails(l.id)).toHaveLength(2);

    // The next crossing is a new alert, emailed again: 1000 + 500 − (900 + 350) = 250.
    await db().update(deliveries).set({ targetedCount: 900 }).where(eq(deliveries.id, d1.id));
    expect(await run(l.id)).toEqual({ itemsHandled: 2, details: { ...nothing, linesChanged: 1, alertsRaised: 1, emails: 2 } });
    expect(await lineRow(l.id)).toMatchObject({ consumed: 1250, inStock: 250, alertCount: 2 });
    expect((await alertEmails(l.id)).map((m) => m.eventKey.split(":")[2])).toEqual(["1", "1", "2", "2"]);

    // Tomorrow's order once its date has come: 1000 + 2500 − 1250 = 2250, cleared without an email.
    await db().update(stockOrders).set({ deliveryDate: day(0) }).where(and(eq(stockOrders.stockLineId, l.id), eq(stockOrders.volume, 2000)));
    expect(await run(l.id)).toEqual({ itemsHandled: 3, details: { ...nothing, ordersAdded: 1, linesChanged: 1, alertsCleared: 1 } });
    expect(await lineRow(l.id)).toMatchObject({ ordered: 2500, inStock: 2250, alertSince: null });
    expect(await alertEmails(l.id)).toHaveLength(4);
    expect(await run(l.id)).toEqual({ itemsHandled: 0, details: nothing });
  });

  it("keeps a stock order dated in the future out of the stock until its date", async () => {
    const l = await line(100, 0);
    expect(await addStockOrderDef.run(t.central, { stockLineId: l.id, volume: 40, deliveryDate: day(3) })).toMatchObject({ ok: true });
    expect(await run(l.id)).toEqual({ itemsHandled: 1, details: { ...nothing, linesChanged: 1 } });
    expect(await lineRow(l.id)).toMatchObject({ ordered: 0, inStock: 100 });
    const [order] = await db().select().from(stockOrders).where(eq(stockOrders.stockLineId, l.id));
    expect(order!.addedAt).toBeNull();
  });

  it("keeps consumptions in step with the deliveries, at their commit: targeted count, cancellation, a service moved to another line", async () => {
    const a = await line(10_000, 100);
    const b = await line(10_000, 100);
    const { category, campaign } = await serviceOn(a.id);
    const d = await delivery(campaign.id, category.id, 1200);
    const kept = await delivery(campaign.id, category.id, 300);

    // The deliveries' own INSERTs wrote them; the run finds them right and adds them up.
    expect((await consumptionsOf(a.id)).map((c) => [c.deliveryId, c.campaignId, c.quantity])).toEqual([[kept.id, campaign.id, 300], [d.id, campaign.id, 1200]]);
    expect((await run(a.id, b.id)).details).toMatchObject({ consumptionsChanged: 0, linesChanged: 2 });
    expect(await lineRow(a.id)).toMatchObject({ consumed: 1500, inStock: 8500 });

    // Analysed again with a smaller target: the quantity follows.
    await db().update(deliveries).set({ targetedCount: 1100 }).where(eq(deliveries.id, d.id));
    expect((await consumptionsOf(a.id)).map((c) => c.quantity)).toEqual([300, 1100]);
    expect((await run(a.id, b.id)).details).toMatchObject({ consumptionsChanged: 0, linesChanged: 1 });
    expect(await lineRow(a.id)).toMatchObject({ consumed: 1400, inStock: 8600 });

    // The service now draws on line b: the consumptions move (kept in place, not re-created).
    const before = (await consumptionsOf(a.id)).map((c) => c.id).sort();
    await db().update(costCategories).set({ stockLineId: b.id }).where(eq(costCategories.id, category.id));
    expect(await consumptionsOf(a.id)).toEqual([]);
    expect((await consumptionsOf(b.id)).map((c) => c.id).sort()).toEqual(before);
    expect((await run(a.id, b.id)).details).toMatchObject({ consumptionsChanged: 0, linesChanged: 2 });
    expect([await lineRow(a.id), await lineRow(b.id)]).toMatchObject([{ consumed: 0, inStock: 10_000 }, { consumed: 1400, inStock: 8600 }]);

    // A canceled delivery gives its stock back.
    await db().update(deliveries).set({ status: "canceled" }).where(eq(deliveries.id, d.id));
    expect((await consumptionsOf(b.id)).map((c) => c.deliveryId)).toEqual([kept.id]);
    expect((await run(a.id, b.id)).details).toMatchObject({ consumptionsChanged: 0, linesChanged: 1 });
    expect(await lineRow(b.id)).toMatchObject({ consumed: 300, inStock: 9700 });

    expect(await run(a.id, b.id)).toEqual({ itemsHandled: 0, details: nothing });
  });

  it("is idempotent: a second run over the same state writes nothing", async () => {
    const l = await line(50, 60, [t.central.userId]);
    const { category, campaign } = await serviceOn(l.id);
    await delivery(campaign.id, category.id, 20);
    await addStockOrderDef.run(t.central, { stockLineId: l.id, volume: 5, deliveryDate: day(-2) });
    // 50 + 5 − 20 = 35, at or below 60.
    expect((await run(l.id)).details).toEqual({ consumptionsChanged: 0, ordersAdded: 1, linesChanged: 1, alertsRaised: 1, alertsCleared: 0, emails: 1 });
    const after = await lineRow(l.id);
    const xmin = async () => (await db().execute<{ x: string }>(sql`select xmin::text as x from stock_lines where id = ${l.id}`))[0]!.x;
    const version = await xmin();
    expect(await run(l.id)).toEqual({ itemsHandled: 0, details: nothing });
    expect(await lineRow(l.id)).toEqual(after);
    // Not even rewritten with the same values.
    expect(await xmin()).toBe(version);
  });

  it("writes a delivery's consumption at its commit, and an incremental run re-adds only the lines stamped since its watermark", async () => {
    const l = await line(1000, 0);
    const spare = await line(1000, 0);
    const untouched = await line(1000, 0);
    const { category, campaign } = await serviceOn(l.id);
    const quiet = await serviceOn(l.id);
    const d = await delivery(campaign.id, category.id, 100);
    const q = await delivery(quiet.campaign.id, quiet.category.id, 50);
    // Written by the delivery's own INSERT, before any run.
    expect((await consumptionsOf(l.id)).map((c) => c.quantity)).toEqual([50, 100]);
    await run(l.id, spare.id, untouched.id);
    const untouchedBefore = await lineRow(untouched.id);
    const since = await clock();
    // A targeted count that changes moves its consumption at once; a consumption changed by hand
    // (a direct SQL fix) stamps its line too, and only the full run puts it back.
    await db().update(deliveries).set({ targetedCount: 120 }).where(eq(deliveries.id, d.id));
    expect((await consumptionsOf(l.id)).map((c) => c.quantity)).toEqual([50, 120]);
    await db().update(stockConsumptions).set({ quantity: 1 }).where(eq(stockConsumptions.deliveryId, q.id));
    const incremental = await db().transaction((tx) => runStockMgt(tx, { lineIds: [l.id, spare.id, untouched.id], since }));
    expect(incremental.details).toMatchObject({ mode: "incremental", consumptionsChanged: 0, linesExamined: 1, linesChanged: 1 });
    expect((await lineRow(l.id)).consumed).toBe(121);
    // A line nothing touched is not even read again.
    expect((await lineRow(untouched.id)).computedAt).toEqual(untouchedBefore.computedAt);
    expect((await run(l.id, spare.id, untouched.id)).details).toMatchObject({ consumptionsChanged: 1 });
    expect((await lineRow(l.id)).consumed).toBe(170);

    // A service moved to another stock line moves its deliveries' consumptions, and both lines follow.
    const since2 = await clock();
    await db().update(costCategories).set({ stockLineId: spare.id }).where(eq(costCategories.id, category.id));
    expect((await consumptionsOf(spare.id)).map((c) => c.quantity)).toEqual([120]);
    await db().transaction((tx) => runStockMgt(tx, { lineIds: [l.id, spare.id, untouched.id], since: since2 }));
    expect([(await lineRow(l.id)).consumed, (await lineRow(spare.id)).consumed]).toEqual([50, 120]);

    // A canceled delivery gives its stock back at its commit; a new initial stock stamps the line.
    const since3 = await clock();
    await db().update(deliveries).set({ status: "canceled" }).where(eq(deliveries.id, q.id));
    await db().update(stockLines).set({ initialStock: 2000 }).where(eq(stockLines.id, untouched.id));
    expect(await consumptionsOf(l.id)).toEqual([]);
    const third = await db().transaction((tx) => runStockMgt(tx, { lineIds: [l.id, spare.id, untouched.id], since: since3 }));
    expect(third.details).toMatchObject({ linesExamined: 2, linesChanged: 2 });
    expect([(await lineRow(l.id)).inStock, (await lineRow(untouched.id)).inStock]).toEqual([1000, 2000]);
  });
});
