import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { budgetCategories, budgets, campaigns, campaignTasks, costCategories, deliveries, expenseLines, providers } from "../../db/schema";
import { twoTenants, uniq } from "../testing/factories";
import { removeCampaignTaskDef, removeExpenseLineDef, saveCampaignTaskDef, saveExpenseLineDef } from "./campaign-budget-actions";
import { listCampaignExpenseLines } from "./campaign-budget-queries";
import type { CampaignTaskInput, ExpenseLineInput } from "./campaign-budget-schemas";

// A campaign's tasks and expense lines on the Budget tab: manual lines are the operators', the
// lines of deliveries and tasks are budgetMgt's and stay read-only.

const db = () => getDb();
const tasksOf = (campaignId: string) => db().select().from(campaignTasks).where(eq(campaignTasks.campaignId, campaignId)).orderBy(campaignTasks.createdAt);
const linesOf = (campaignId: string) => db().select().from(expenseLines).where(eq(expenseLines.campaignId, campaignId)).orderBy(expenseLines.createdAt, expenseLines.id);
const fieldError = (res: unknown, field: string) => (res as { fieldErrors?: Record<string, string> }).fieldErrors?.[field];

async function fixture() {
  const [budget, otherBudget] = await db().insert(budgets).values([{ label: uniq("Budget") }, { label: uniq("Other") }]).returning();
  const [category, otherCategory] = await db()
    .insert(budgetCategories)
    .values([
      { budgetId: budget!.id, label: "Events" },
      { budgetId: otherBudget!.id, label: "Print" },
    ])
    .returning();
  const [campaign, foreign] = await db()
    .insert(campaigns)
    .values([
      { label: uniq("Campaign"), internalName: uniq("ct"), budgetId: budget!.id },
      { label: uniq("Foreign"), internalName: uniq("ct") },
    ])
    .returning();
  const [agency, printer] = await db().insert(providers).values([{ name: uniq("Agency") }, { name: uniq("Printer") }]).returning();
  const [design, printing] = await db()
    .insert(costCategories)
    .values([
      { providerId: agency!.id, label: "Design days", channel: "task" },
      { providerId: printer!.id, label: "Printing", channel: "direct_mail" },
    ])
    .returning();
  // Priced as the generated lines below say, so that a budgetMgt run elsewhere keeps them as they are.
  const [delivery] = await db().insert(deliveries).values({ campaignId: campaign!.id, label: "Email", provisionalCost: "12.34" }).returning();
  const [foreignTask] = await db().insert(campaignTasks).values({ campaignId: foreign!.id, label: "Elsewhere" }).returning();
  return { budget: budget!, category: category!, otherCategory: otherCategory!, campaign: campaign!, foreign: foreign!, agency: agency!, printer: printer!, design: design!, printing: printing!, delivery: delivery!, foreignTask: foreignTask! };
}

describe("campaign tasks", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let f: Awaited<ReturnType<typeof fixture>>;
  beforeAll(async () => {
    t = await twoTenants();
    f = await fixture();
  });

  const task = (over: Partial<CampaignTaskInput> = {}): CampaignTaskInput => ({
    campaignId: f.campaign.id,
    taskId: "",
    label: "Creative design",
    status: "planned",
    days: 3,
    providerId: "",
    costCategoryId: f.design.id,
    provisionalCost: "1500.5",
    realCost: "",
    ...over,
  });

  it("refuses bad input next to its field, saving nothing", async () => {
    const cases: [Partial<CampaignTaskInput>, string, RegExp][] = [
      [{ label: "  " }, "label", /Enter a label/],
      [{ days: -1 }, "days", /0 or more/],
      [{ days: 1.5 }, "days", /whole number/],
      [{ days: Number.NaN }, "days", /whole number/],
      [{ status: "done" as never }, "status", /Choose a status/],
      [{ provisionalCost: "1,50" }, "provisionalCost", /2 decimals/],
      [{ realCost: "-3" }, "realCost", /0 or more/],
      [{ costCategoryId: f.printing.id }, "costCategoryId", /Task channel/],
      [{ providerId: f.printer.id }, "costCategoryId", /chosen provider/],
    ];
    for (const [over, field, message] of cases) {
      const res = await saveCampaignTaskDef.run(t.central, task(over));
      expect(res, field).toMatchObject({ ok: false, code: "invalid_input" });
      expect(fieldError(res, field), field).toMatch(message);
    }
    expect(await tasksOf(f.campaign.id)).toEqual([]);
  });

  it("adds, edits and removes a task, its provider taken from its cost category", async () => {
    const added = await saveCampaignTaskDef.run(t.central, task());
    expect(added).toMatchObject({ ok: true });
    const id = (added as { data: { id: string } }).data.id;
    expect(await tasksOf(f.campaign.id)).toMatchObject([
      { id, label: "Creative design", status: "planned", days: 3, providerId: f.agency.id, costCategoryId: f.design.id, provisionalCost: "1500.5000", realCost: null },
    ]);
    const edited = await saveCampaignTaskDef.run(t.central, task({ taskId: id, status: "finished", days: 4, providerId: f.agency.id, realCost: "1620.25" }));
    expect(edited).toMatchObject({ ok: true, data: { id } });
    expect(await tasksOf(f.campaign.id)).toMatchObject([{ id, status: "finished", days: 4, realCost: "1620.2500" }]);
    expect(await removeCampaignTaskDef.run(t.central, { campaignId: f.campaign.id, taskId: id })).toMatchObject({ ok: true });
    expect(await tasksOf(f.campaign.id)).toEqual([]);
  });

  it("refuses another campaign's task, to edit or to remove", async () => {
    const before = await tasksOf(f.foreign.id);
    expect(await saveCampaignTaskDef.run(t.central, task({ taskId: f.foreignTask.id }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await removeCampaignTaskDef.run(t.central, { campaignId: f.campaign.id, taskId: f.foreignTask.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await tasksOf(f.foreign.id)).toEqual(before);
    expect(await tasksOf(f.campaign.id)).toEqual([]);
  });
});

describe("campaign expense lines", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let f: Awaited<ReturnType<typeof fixture>>;
  let generated: { delivery: string; task: string };
  let foreignLine: string;
  beforeAll(async () => {
    t = await twoTenants();
    f = await fixture();
    // As budgetMgt keeps them: one line per priced delivery and task.
    const [own] = await db().insert(campaignTasks).values({ campaignId: f.campaign.id, label: "Printing run", provisionalCost: "80" }).returning();
    const [d, k] = await db()
      .insert(expenseLines)
      .values([
        { campaignId: f.campaign.id, deliveryId: f.delivery.id, label: "Email", amount: "12.3400" },
        { campaignId: f.campaign.id, taskId: own!.id, label: "Printing run", amount: "80" },
      ])
      .returning();
    generated = { delivery: d!.id, task: k!.id };
    const [x] = await db().insert(expenseLines).values({ campaignId: f.foreign.id, label: "Elsewhere", amount: "5" }).returning();
    foreignLine = x!.id;
  });

  const line = (over: Partial<ExpenseLineInput> = {}): ExpenseLineInput => ({
    campaignId: f.campaign.id,
    lineId: "",
    label: "Venue",
    amount: "2500",
    realAmount: "",
    budgetCategoryId: f.category.id,
    ...over,
  });

  it("refuses bad input and a category of another budget, saving nothing", async () => {
    const before = await linesOf(f.campaign.id);
    const cases: [Partial<ExpenseLineInput>, string, RegExp][] = [
      [{ label: "" }, "label", /Enter a label/],
      [{ amount: "" }, "amount", /Enter the amount/],
      [{ amount: "10.999" }, "amount", /2 decimals/],
      [{ realAmount: "-1" }, "realAmount", /0 or more/],
      [{ budgetCategoryId: f.otherCategory.id }, "budgetCategoryId", /another budget/],
    ];
    for (const [over, field, message] of cases) {
      const res = await saveExpenseLineDef.run(t.central, line(over));
      expect(res, field).toMatchObject({ ok: false, code: "invalid_input" });
      expect(fieldError(res, field), field).toMatch(message);
    }
    expect(await linesOf(f.campaign.id)).toEqual(before);
  });

  it("adds, edits and removes a manual line with exact amounts", async () => {
    const added = await saveExpenseLineDef.run(t.central, line());
    const id = (added as { data: { id: string } }).data.id;
    expect(await linesOf(f.campaign.id)).toContainEqual(expect.objectContaining({ id, label: "Venue", amount: "2500.0000", realAmount: null, budgetCategoryId: f.category.id, deliveryId: null, taskId: null }));
    expect(await saveExpenseLineDef.run(t.central, line({ lineId: id, label: "Venue hire", realAmount: "2480.05", budgetCategoryId: "" }))).toMatchObject({ ok: true, data: { id } });
    expect(await linesOf(f.campaign.id)).toContainEqual(expect.objectContaining({ id, label: "Venue hire", amount: "2500.0000", realAmount: "2480.0500", budgetCategoryId: null }));
    const { rows, total } = await listCampaignExpenseLines(db(), f.campaign.id, { page: 1, perPage: 2 });
    // Generated lines first, then manual ones; the page holds two of three.
    expect(total).toBe(3);
    // Both generated lines were made by one statement: same creation time, so either order.
    expect(rows.map((r) => r.kind).sort()).toEqual(["delivery", "task"]);
    expect((await listCampaignExpenseLines(db(), f.campaign.id, { page: 2, perPage: 2 })).rows).toMatchObject([{ id, kind: "manual" }]);
    expect(await removeExpenseLineDef.run(t.central, { campaignId: f.campaign.id, lineId: id })).toMatchObject({ ok: true });
    expect((await linesOf(f.campaign.id)).map((l) => l.id).sort()).toEqual([generated.delivery, generated.task].sort());
  });

  it("keeps the lines of deliveries and tasks read-only", async () => {
    const before = await linesOf(f.campaign.id);
    for (const lineId of [generated.delivery, generated.task]) {
      const edit = await saveExpenseLineDef.run(t.central, line({ lineId }));
      expect(edit).toMatchObject({ ok: false, code: "forbidden", error: expect.stringMatching(/Cost calculation/) });
      expect(await removeExpenseLineDef.run(t.central, { campaignId: f.campaign.id, lineId })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await linesOf(f.campaign.id)).toEqual(before);
  });

  it("refuses another campaign's line, to edit or to remove", async () => {
    const before = await linesOf(f.foreign.id);
    expect(await saveExpenseLineDef.run(t.central, line({ lineId: foreignLine }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await removeExpenseLineDef.run(t.central, { campaignId: f.campaign.id, lineId: foreignLine })).toMatchObject({ ok: false, code: "not_found" });
    expect(await linesOf(f.foreign.id)).toEqual(before);
  });
});
