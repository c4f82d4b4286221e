import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import {
  budgets,
  campaigns,
  campaignTasks,
  costCategories,
  costStructures,
  deliveries,
  expenseLines,
  invoiceLines,
  invoices,
  plans,
  programs,
  providers,
} from "../../db/schema";
import { uniq } from "../testing/factories";
import { toMinor } from "../providers/costs";
import { runBudgetMgt } from "./budget-mgt";

const db = () => getDb();

type Tree = Awaited<ReturnType<typeof buildTree>>;

/**
 * Plan (budget Marketing) → Program 1 (budget Spring, a child of Marketing) with campaigns A, C, D;
 * Program 2 (no budget: its plan's) with campaign B. Every figure below is worked out by hand.
 */
async function buildTree() {
  const [marketing] = await db().insert(budgets).values({ label: uniq("Marketing"), allocated: "100000" }).returning();
  const [spring] = await db().insert(budgets).values({ label: uniq("Spring"), allocated: "20000", parentId: marketing!.id }).returning();
  const [plan] = await db().insert(plans).values({ label: uniq("Plan"), budgetId: marketing!.id }).returning();
  const [p1] = await db().insert(programs).values({ planId: plan!.id, label: uniq("Program 1"), budgetId: spring!.id }).returning();
  const [p2] = await db().insert(programs).values({ planId: plan!.id, label: uniq("Program 2") }).returning();

  const [provider] = await db().insert(providers).values({ name: uniq("Acme") }).returning();
  const category = async (label: string, channel: "email" | "direct_mail" | "task", structures: Omit<typeof costStructures.$inferInsert, "categoryId">[]) => {
    const [c] = await db().insert(costCategories).values({ providerId: provider!.id, label, channel }).returning();
    await db().insert(costStructures).values(structures.map((s) => ({ ...s, categoryId: c!.id })));
    return c!.id;
  };
  // 0.13 up to 100, 0.12 up to 1,000, 0.11 above (§8's example).
  const email = await category("Email sends", "email", [
    { label: "Per message", kind: "linear_threshold", tiers: [{ upTo: 100, price: "0.13" }, { upTo: 1000, price: "0.12" }, { upTo: null, price: "0.11" }] },
  ]);
  const print = await category("Print and post", "direct_mail", [
    { label: "Set-up", kind: "fixed", amount: "50" },
    { label: "Run", kind: "constant_threshold", tiers: [{ upTo: 500, price: "200" }, { upTo: null, price: "350" }] },
  ]);
  const studio = await category("Studio days", "task", [{ label: "Day rate", kind: "linear", amount: "350" }]);

  const campaign = async (label: string, over: Partial<typeof campaigns.$inferInsert>) => {
    const [c] = await db().insert(campaigns).values({ label, internalName: uniq("c").toLowerCase(), ...over }).returning();
    return c!;
  };
  const a = await campaign("A", { programId: p1!.id, status: "started", budgetProcess: "defined", commitmentLevel: "reserved" });
  const b = await campaign("B", { programId: p2!.id, status: "being_edited", budgetProcess: "defined", commitmentLevel: "planned", provisionalCost: "5000" });
  const c = await campaign("C", { programId: p1!.id, status: "started", budgetProcess: "being_edited" });
  const d = await campaign("D", { programId: p1!.id, status: "finished", budgetProcess: "defined", commitmentLevel: "committed", budgetId: spring!.id, realCost: "1234.56" });

  const [analysed, mailed, notYet] = await db()
    .insert(deliveries)
    .values([
      { campaignId: a.id, label: "Email 1,000", channel: "email", costCategoryId: email, targetedCount: 1000 },
      { campaignId: a.id, label: "Mail 600", channel: "direct_mail", costCategoryId: print, targetedCount: 600, realCost: "380.50" },
      { campaignId: a.id, label: "Email later", channel: "email", costCategoryId: email, provisionalCost: "75" },
      { campaignId: c.id, label: "C email", channel: "email", provisionalCost: "999" },
    ])
    .returning();
  const [finishedTask, plannedTask] = await db()
    .insert(campaignTasks)
    .values([
      { campaignId: a.id, label: "Design", status: "finished", days: 3, costCategoryId: studio, provisionalCost: "900" },
      { campaignId: a.id, label: "Proofreading", status: "planned", days: 1, costCategoryId: studio, provisionalCost: "200" },
    ])
    .returning();
  const [agency] = await db()
    .insert(expenseLines)
    .values([
      { campaignId: a.id, label: "Agency fee", amount: "500" },
      { campaignId: a.id, label: "Photos", amount: "300", realAmount: "320" },
    ])
    .returning();
  const [paid] = await db().insert(invoices).values({ campaignId: a.id, number: uniq("INV"), issuedOn: "2026-10-01", status: "paid", paidOn: "2026-10-20" }).returning();
  const [received] = await db().insert(invoices).values({ campaignId: a.id, number: uniq("INV"), issuedOn: "2026-10-02" }).returning();
  await db()
    .insert(invoiceLines)
    .values([
      { invoiceId: paid!.id, label: "Printing", amount: "100" },
      { invoiceId: paid!.id, label: "Postage", amount: "280.50" },
      { invoiceId: received!.id, label: "Not paid yet", amount: "999" },
    ]);
  return { marketing: marketing!, spring: spring!, plan: plan!, p1: p1!, p2: p2!, a, b, c, d, analysed: analysed!, mailed: mailed!, notYet: notYet!, finishedTask: finishedTask!, plannedTask: plannedTask!, agency: agency!, email, print, studio };
}

const ids = (t: Tree) => [t.a.id, t.b.id, t.c.id, t.d.id];
const run = (t: Tree, since?: string) => db().transaction((tx) => runBudgetMgt(tx, { campaignIds: ids(t), since }));
const budgetRow = async (id: string) => (await db().query.budgets.findFirst({ where: eq(budgets.id, id) }))!;
const campaignRow = async (id: string) => (await db().query.campaigns.findFirst({ where: eq(campaigns.id, id) }))!;
/** The database's clock: stamps made after this are ≥ it. */
const clock = async () => (await db().execute<{ now: string }>(sql`select clock_timestamp()::text as now`))[0]!.now;
const figures = (b: typeof budgets.$inferSelect) => ({ planned: b.planned, reserved: b.reserved, committed: b.committed, spent: b.spent, invoiced: b.invoiced });

describe("budgetMgt, Cost calculation", () => {
  let t: Tree;
  let first: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    t = await buildTree();
    first = await run(t);
  });

  it("prices each delivery and task by its cost structures, its real cost or its provisional cost", async () => {
    const cost = async (id: string) => (await db().query.deliveries.findFirst({ where: eq(deliveries.id, id) }))!.calculatedCost;
    // 1,000 messages fall in the "up to 1,000" tier: 1,000 × 0.12.
    expect(await cost(t.analysed.id)).toBe("120.0000");
    // Real cost entered: it wins over 50 + 350.
    expect(await cost(t.mailed.id)).toBe("380.5000");
    // Not analysed yet: the provisional cost.
    expect(await cost(t.notYet.id)).toBe("75.0000");
    const task = async (id: string) => (await db().query.campaignTasks.findFirst({ where: eq(campaignTasks.id, id) }))!.calculatedCost;
    // Finished: 3 days × 350. Planned: its provisional cost.
    expect(await task(t.finishedTask.id)).toBe("1050.0000");
    expect(await task(t.plannedTask.id)).toBe("200.0000");
  });

  it("keeps one expense line per priced delivery and task, beside the manual ones", async () => {
    const lines = await db().select().from(expenseLines).where(eq(expenseLines.campaignId, t.a.id));
    const byLabel = Object.fromEntries(lines.map((l) => [l.label, [l.amount, l.realAmount]]));
    expect(byLabel).toEqual({
      "Email 1,000": ["120.0000", null],
      "Mail 600": ["380.5000", "380.5000"],
      "Email later": ["75.0000", null],
      Design: ["1050.0000", null],
      Proofreading: ["200.0000", null],
      "Agency fee": ["500.0000", null],
      Photos: ["300.0000", "320.0000"],
    });
    // Campaign C's delivery has only a provisional cost: it is priced too.
    expect(await db().select({ label: expenseLines.label }).from(expenseLines).where(eq(expenseLines.campaignId, t.c.id))).toEqual([{ label: "C email" }]);
  });

  it("calculates campaigns, programs and the plan by the rules of each state", async () => {
    // A, started: 120 + 380.50 + 75 + 1,050 + 200 + 500 + 320 (Photos' real amount) = 2,645.50.
    expect((await campaignRow(t.a.id)).calculatedCost).toBe("2645.5000");
    // B, being edited: its provisional cost. D: its real cost. C: its one delivery.
    expect((await campaignRow(t.b.id)).calculatedCost).toBe("5000.0000");
    expect((await campaignRow(t.d.id)).calculatedCost).toBe("1234.5600");
    expect((await campaignRow(t.c.id)).calculatedCost).toBe("999.0000");
    const program = async (id: string) => (await db().query.programs.findFirst({ where: eq(programs.id, id) }))!;
    // Program 1 = A + C + D = 2,645.50 + 999 + 1,234.56 = 4,879.06; Program 2 = B.
    expect(await program(t.p1.id)).toMatchObject({ calculatedCost: "4879.0600", reserved: "1945.0000", spent: "1935.0600", planned: "0.0000" });
    expect(await program(t.p2.id)).toMatchObject({ calculatedCost: "5000.0000", planned: "5000.0000" });
    expect((await db().query.plans.findFirst({ where: eq(plans.id, t.plan.id) }))!.calculatedCost).toBe("9879.0600");
  });

  it("consolidates only Defined campaigns, into the bucket of their commitment level, and adds child budgets to their parent", async () => {
    // A and D charge Spring (A through its program, D by its own choice); C is not Defined.
    // A: real amounts 380.50 + 320 = 700.50 spent, the rest 1,945 reserved. D: 1,234.56 spent.
    // Invoiced: the paid invoice's 100 + 280.50; the received one does not count.
    expect(figures(await budgetRow(t.spring.id))).toEqual({ planned: "0.0000", reserved: "1945.0000", committed: "0.0000", spent: "1935.0600", invoiced: "380.5000" });
    // B charges Marketing through its plan: 5,000 planned. Marketing adds Spring's.
    const marketing = await budgetRow(t.marketing.id);
    expect(marketing).toMatchObject({ ownPlanned: "5000.0000", ownReserved: "0.0000", ownSpent: "0.0000" });
    expect(figures(marketing)).toEqual({ planned: "5000.0000", reserved: "1945.0000", committed: "0.0000", spent: "1935.0600", invoiced: "380.5000" });
    expect((await campaignRow(t.a.id)).chargedBudgetId).toBe(t.spring.id);
    expect((await campaignRow(t.b.id)).chargedBudgetId).toBe(t.marketing.id);
    expect(first.details.mode).toBe("full");
    expect(first.details.campaignsExamined).toBe(4);
  });

  it("is idempotent: a second run changes nothing and says so", async () => {
    const before = figures(await budgetRow(t.marketing.id));
    const again = await run(t);
    expect(again.details).toMatchObject({ deliveriesChanged: 0, tasksChanged: 0, linesChanged: 0, campaignsChanged: 0 });
    expect(figures(await budgetRow(t.marketing.id))).toEqual(before);
  });

  it("an incremental run recomputes only the campaigns stamped since the watermark, and one changed line moves the budget", async () => {
    await run(t);
    const since = await clock();
    await db().update(expenseLines).set({ amount: "650" }).where(eq(expenseLines.id, t.agency.id));
    const next = await run(t, since);
    // Examined: the one stamped campaign (a full run elsewhere may have recomputed it already).
    expect(next.details).toMatchObject({ mode: "incremental", campaignsExamined: 1 });
    // 1,945 + 150 more reserved, in Spring and in Marketing above it.
    expect((await budgetRow(t.spring.id)).reserved).toBe("2095.0000");
    expect((await budgetRow(t.marketing.id)).reserved).toBe("2095.0000");
    expect((await campaignRow(t.a.id)).calculatedCost).toBe("2795.5000");
  });

  it("stamps a campaign when its status, a delivery's targeted count or a cost structure it uses changes, and no other", async () => {
    await run(t);
    const since = await clock();
    await db().update(campaigns).set({ status: "finished" }).where(eq(campaigns.id, t.c.id));
    await db().update(deliveries).set({ targetedCount: 80 }).where(eq(deliveries.id, t.notYet.id));
    const stamped = await db().select({ label: campaigns.label }).from(campaigns).where(and(inArray(campaigns.id, ids(t)), sql`${campaigns.costChangedAt} >= ${since}::timestamptz`));
    expect(stamped.map((c) => c.label).sort()).toEqual(["A", "C"]);
    const next = await run(t, since);
    expect(next.details.campaignsExamined).toBe(2);
    // 80 messages fall in the first tier: 80 × 0.13 = 10.40 instead of the provisional 75.
    expect((await db().query.deliveries.findFirst({ where: eq(deliveries.id, t.notYet.id) }))!.calculatedCost).toBe("10.4000");

    await run(t);
    const since2 = await clock();
    await db().update(costStructures).set({ amount: "400" }).where(eq(costStructures.categoryId, t.studio));
    const priced = await run(t, since2);
    expect(priced.details.campaignsExamined).toBe(1);
    // Design: 3 days × 400.
    expect((await db().query.campaignTasks.findFirst({ where: eq(campaignTasks.id, t.finishedTask.id) }))!.calculatedCost).toBe("1200.0000");
  });

  it("removes the generated line of an item that is no longer priced, and keeps manual lines", async () => {
    await db().update(deliveries).set({ costCategoryId: null, provisionalCost: "0", targetedCount: null, realCost: null }).where(eq(deliveries.id, t.analysed.id));
    await run(t);
    const labels = (await db().select({ label: expenseLines.label }).from(expenseLines).where(inArray(expenseLines.campaignId, [t.a.id]))).map((l) => l.label);
    expect(labels).not.toContain("Email 1,000");
    expect(labels).toEqual(expect.arrayContaining(["Agency fee", "Photos"]));
  });

  it("moves the generated line of a delivery moved to another campaign", async () => {
    await db().update(deliveries).set({ campaignId: t.b.id }).where(eq(deliveries.id, t.notYet.id));
    await run(t);
    const [line] = await db().select().from(expenseLines).where(eq(expenseLines.deliveryId, t.notYet.id));
    expect(line!.campaignId).toBe(t.b.id);
  });

  it("an incremental run moves a campaign's figures from the budget it leaves to the one it joins", async () => {
    await run(t);
    const since = await clock();
    const springBefore = await budgetRow(t.spring.id);
    // D (1,234.56 spent) now charges Marketing directly.
    await db().update(campaigns).set({ budgetId: t.marketing.id }).where(eq(campaigns.id, t.d.id));
    await run(t, since);
    const spring = await budgetRow(t.spring.id);
    const marketing = await budgetRow(t.marketing.id);
    expect(toMinor(springBefore.spent) - toMinor(spring.spent)).toBe(toMinor("1234.56"));
    expect(spring.ownSpent).toBe(spring.spent);
    expect(marketing.ownSpent).toBe("1234.5600");
    // Marketing's total still holds Spring's, so its spent does not move.
    expect(marketing.spent).toBe(springBefore.spent);
  });
});
