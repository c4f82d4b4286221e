import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, costCategories, deliveries, providers, workflows, type WorkflowActivity } from "../../db/schema";
import { twoTenants, uniq } from "../testing/factories";
import { createStockLineDef } from "./actions";
import { runStockMgt } from "./stock-mgt";
import { stockWarningFor } from "./warnings";

const db = () => getDb();

describe("the overdraw warning at approval", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await twoTenants();
  });

  /** A line of 800 brochures (alert at 200), and a delivery waiting for approval whose service draws on it. */
  async function setup(populations: Record<string, number>) {
    const resource = uniq("Brochure");
    const res = await createStockLineDef.run(t.central, { resource, providerId: "", initialStock: 800, alertLevel: 200, managerIds: [] });
    const lineId = (res as { data: { id: string } }).data.id;
    const [provider] = await db().insert(providers).values({ name: uniq("Printer") }).returning();
    const [category] = await db().insert(costCategories).values({ providerId: provider!.id, label: "Printing", channel: "direct_mail", stockLineId: lineId }).returning();
    const [campaign] = await db().insert(campaigns).values({ label: uniq("Spring"), internalName: uniq("spring"), status: "started" }).returning();
    // Paused where the delivery waits: operationMgt, run over the whole database by other test
    // files, leaves a paused workflow alone.
    const [workflow] = await db().insert(workflows).values({ campaignId: campaign!.id, label: "Main", status: "paused", populations }).returning();
    const [delivery] = await db()
      .insert(deliveries)
      .values({ campaignId: campaign!.id, workflowId: workflow!.id, label: "Mailing", channel: "direct_mail", status: "to_validate", costCategoryId: category!.id })
      .returning();
    const activities: WorkflowActivity[] = [
      { id: "q", kind: "query", label: "Targeting", next: ["s"] },
      { id: "s", kind: "split", label: "Split", next: ["d"] },
      { id: "d", kind: "delivery", label: "Mailing", next: ["e"], deliveryId: delivery!.id },
      { id: "e", kind: "end", label: "End", next: [] },
    ];
    await db().update(workflows).set({ activities }).where(eq(workflows.id, workflow!.id));
    const set = (v: Partial<typeof deliveries.$inferInsert>) => db().update(deliveries).set(v).where(eq(deliveries.id, delivery!.id));
    const recompute = () => db().transaction((tx) => runStockMgt(tx, { lineIds: [lineId] }));
    return { lineId, resource, delivery: delivery!, category: category!, set, recompute };
  }

  it("warns when the population reaching the delivery exceeds the stock, before it is analysed", async () => {
    const s = await setup({ q: 1500, s: 1200 });
    expect(await stockWarningFor(db(), s.delivery.id)).toEqual({ lineId: s.lineId, resource: s.resource, needed: 1200, estimated: true, inStock: 800, alertLevel: 200 });
  });

  it("stays quiet while nothing says how many it needs, or when the stock covers it", async () => {
    expect(await stockWarningFor(db(), (await setup({ q: 1500 })).delivery.id)).toBeNull();
    expect(await stockWarningFor(db(), (await setup({ q: 900, s: 800 })).delivery.id)).toBeNull();
  });

  it("uses the targeted count once known, without counting the delivery's own consumption twice", async () => {
    const s = await setup({ q: 5000, s: 5000 });
    await s.set({ targetedCount: 700 });
    await s.recompute();
    // In stock is 100 now, 700 of it taken by this very delivery: 800 cover it.
    expect(await stockWarningFor(db(), s.delivery.id)).toBeNull();

    await s.set({ targetedCount: 900 });
    await s.recompute();
    expect(await stockWarningFor(db(), s.delivery.id)).toMatchObject({ needed: 900, estimated: false, inStock: 800 });

    // Another delivery on the line takes 300 at its commit: the warning knows at once, with no
    // stockMgt run in between (800 − 300 = 500 left for this one's 600).
    await s.set({ targetedCount: 600 });
    await s.recompute();
    const [other] = await db()
      .insert(deliveries)
      .values({ campaignId: s.delivery.campaignId, label: "Reminder", channel: "direct_mail", status: "in_progress", costCategoryId: s.category.id, targetedCount: 300 })
      .returning();
    expect(await stockWarningFor(db(), s.delivery.id)).toMatchObject({ needed: 600, inStock: 500 });
    await db().update(deliveries).set({ status: "canceled" }).where(eq(deliveries.id, other!.id));
    expect(await stockWarningFor(db(), s.delivery.id)).toBeNull();

    // Done with its consuming, or no longer drawing on a line: no warning.
    await s.set({ status: "finished" });
    expect(await stockWarningFor(db(), s.delivery.id)).toBeNull();
    await s.set({ status: "to_validate" });
    await db().update(costCategories).set({ stockLineId: null }).where(eq(costCategories.id, s.category.id));
    expect(await stockWarningFor(db(), s.delivery.id)).toBeNull();
  });
});
