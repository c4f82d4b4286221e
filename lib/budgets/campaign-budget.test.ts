import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Tx } from "../../db";
import { budgetCategories, budgets, campaigns, costCategories, deliveries, plans, programs, providers } from "../../db/schema";
import { createProgram, twoTenants, uniq } from "../testing/factories";
import { campaignBudgetActionDefs, updateCampaignBudgetDef, updateDeliveryCostsDef } from "./campaign-budget-actions";
import { getCampaignBudgetTab } from "./campaign-budget-queries";
import type { CampaignBudgetInput } from "./campaign-budget-schemas";
import { updateCampaignBudget, updateDeliveryCosts } from "./campaign-budget";
import { removeCampaignTask, saveCampaignTask } from "./campaign-tasks";
import { removeExpenseLine, saveExpenseLine } from "./expense-lines";
import { removeInvoice, saveInvoice } from "./invoices";

// The Budget tab's settings and deliveries' costs; tasks, lines and invoices have their own files.

const db = () => getDb();
const campaignRow = async (id: string) => (await db().query.campaigns.findFirst({ where: eq(campaigns.id, id) }))!;
const deliveryRow = async (id: string) => (await db().query.deliveries.findFirst({ where: eq(deliveries.id, id) }))!;

async function budgetWithCategory(label: string) {
  const [budget] = await db().insert(budgets).values({ label: uniq(label), currency: "USD", allocated: "10000" }).returning();
  const [category] = await db().insert(budgetCategories).values({ budgetId: budget!.id, label: uniq("Media") }).returning();
  return { budget: budget!, category: category! };
}

async function fixture() {
  const { plan, program } = await createProgram();
  const own = await budgetWithCategory("Own");
  const other = await budgetWithCategory("Other");
  const ofProgram = await budgetWithCategory("Program");
  await db().update(programs).set({ budgetId: ofProgram.budget.id }).where(eq(programs.id, program.id));
  const [campaign] = await db().insert(campaigns).values({ label: uniq("Campaign"), internalName: uniq("cb"), programId: program.id }).returning();
  const [foreign] = await db().insert(campaigns).values({ label: uniq("Foreign"), internalName: uniq("cb") }).returning();
  const [provider] = await db().insert(providers).values({ name: uniq("Printer") }).returning();
  const [emailCost, mailCost] = await db()
    .insert(costCategories)
    .values([
      { providerId: provider!.id, label: "Emailing", channel: "email" },
      { providerId: provider!.id, label: "Printing", channel: "direct_mail" },
    ])
    .returning();
  const [email, letter, foreignDelivery] = await db()
    .insert(deliveries)
    .values([
      { campaignId: campaign!.id, label: uniq("Email"), channel: "email" },
      { campaignId: campaign!.id, label: uniq("Letter"), channel: "direct_mail" },
      { campaignId: foreign!.id, label: uniq("Elsewhere"), channel: "email" },
    ])
    .returning();
  return { plan, program, own, other, ofProgram, campaign: campaign!, foreign: foreign!, emailCost: emailCost!, mailCost: mailCost!, email: email!, letter: letter!, foreignDelivery: foreignDelivery! };
}

describe("campaign budget settings and deliveries' costs", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let f: Awaited<ReturnType<typeof fixture>>;
  beforeAll(async () => {
    t = await twoTenants();
    f = await fixture();
  });

  const settings = (over: Partial<CampaignBudgetInput> = {}): CampaignBudgetInput => ({
    campaignId: f.campaign.id,
    budgetId: f.own.budget.id,
    budgetCategoryId: f.own.category.id,
    budgetProcess: "defined",
    commitmentLevel: "reserved",
    provisionalCost: "1234.56",
    realCost: "",
    ...over,
  });

  it("refuses bad amounts and choices next to their field, saving nothing", async () => {
    const before = await campaignRow(f.campaign.id);
    const cases: [Partial<CampaignBudgetInput>, string, RegExp][] = [
      [{ provisionalCost: "" }, "provisionalCost", /Enter the estimated provisional cost/],
      [{ provisionalCost: "12.345" }, "provisionalCost", /at most 2 decimals/],
      [{ provisionalCost: "-5" }, "provisionalCost", /0 or more/],
      [{ provisionalCost: "1e3" }, "provisionalCost", /at most 2 decimals/],
      [{ realCost: "abc" }, "realCost", /at most 2 decimals/],
      [{ budgetProcess: "approved" as never }, "budgetProcess", /process status/],
      [{ commitmentLevel: "spent" as never }, "commitmentLevel", /commitment level/],
      [{ budgetId: "not-an-id" }, "budgetId", /./],
    ];
    for (const [over, field, message] of cases) {
      const res = await updateCampaignBudgetDef.run(t.central, settings(over));
      expect(res, field).toMatchObject({ ok: false, code: "invalid_input" });
      expect((res as { fieldErrors: Record<string, string> }).fieldErrors[field], field).toMatch(message);
    }
    expect(await campaignRow(f.campaign.id)).toEqual(before);
  });

  it("refuses an expense category of another budget than the one the campaign charges", async () => {
    const before = await campaignRow(f.campaign.id);
    const res = await updateCampaignBudgetDef.run(t.central, settings({ budgetCategoryId: f.other.category.id }));
    expect(res).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { budgetCategoryId: expect.stringMatching(/another budget/) } });
    // Without a budget of its own the campaign charges its program's: the chosen budget's category is refused too.
    const inherited = await updateCampaignBudgetDef.run(t.central, settings({ budgetId: "", budgetCategoryId: f.own.category.id }));
    expect(inherited).toMatchObject({ ok: false, fieldErrors: { budgetCategoryId: expect.stringMatching(/another budget/) } });
    expect(await campaignRow(f.campaign.id)).toEqual(before);
  });

  it("takes a category of the program's budget when the campaign charges its program's", async () => {
    const res = await updateCampaignBudgetDef.run(t.central, settings({ budgetId: "", budgetCategoryId: f.ofProgram.category.id, provisionalCost: "10" }));
    expect(res).toMatchObject({ ok: true });
    const tab = (await getCampaignBudgetTab(db(), f.campaign.id))!;
    expect(tab.campaign).toMatchObject({ budgetId: null, budgetCategoryId: f.ofProgram.category.id });
    expect(tab.inherited).toEqual({ budgetId: f.ofProgram.budget.id, from: "program", label: f.ofProgram.budget.label });
    expect(tab.currency).toBe("USD");
  });

  it("falls back to the plan's budget, and to none", async () => {
    const { plan, program } = await createProgram();
    const [c] = await db().insert(campaigns).values({ label: uniq("Planned"), internalName: uniq("cb"), programId: program.id }).returning();
    const none = (await getCampaignBudgetTab(db(), c!.id))!;
    expect([none.inherited, none.currency]).toEqual([null, "EUR"]);
    const refused = await updateCampaignBudgetDef.run(t.central, settings({ campaignId: c!.id, budgetId: "", budgetCategoryId: f.own.category.id }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { budgetCategoryId: expect.stringMatching(/charges no budget/) } });
    await db().update(plans).set({ budgetId: f.own.budget.id }).where(eq(plans.id, plan.id));
    const ok = await updateCampaignBudgetDef.run(t.central, settings({ campaignId: c!.id, budgetId: "", budgetCategoryId: f.own.category.id }));
    expect(ok).toMatchObject({ ok: true });
    expect((await getCampaignBudgetTab(db(), c!.id))!.inherited).toMatchObject({ budgetId: f.own.budget.id, from: "plan" });
  });

  it("stores the settings with the exact decimal strings", async () => {
    const res = await updateCampaignBudgetDef.run(t.central, settings({ provisionalCost: "0001234.5", realCost: "99999999999.99" }));
    expect(res).toMatchObject({ ok: true });
    expect(await campaignRow(f.campaign.id)).toMatchObject({
      budgetId: f.own.budget.id,
      budgetCategoryId: f.own.category.id,
      budgetProcess: "defined",
      commitmentLevel: "reserved",
      provisionalCost: "1234.5000",
      realCost: "99999999999.9900",
    });
    // An empty real cost means not known yet.
    expect(await updateCampaignBudgetDef.run(t.central, settings({ realCost: "" }))).toMatchObject({ ok: true });
    expect((await campaignRow(f.campaign.id)).realCost).toBeNull();
  });

  it("refuses an unknown campaign", async () => {
    const res = await updateCampaignBudgetDef.run(t.central, settings({ campaignId: "00000000-0000-4000-8000-000000000000" }));
    expect(res).toMatchObject({ ok: false, code: "not_found" });
  });

  it("sets each delivery's cost category and provisional cost, a category of its own channel only", async () => {
    const input = {
      campaignId: f.campaign.id,
      deliveries: [
        { deliveryId: f.email.id, costCategoryId: f.emailCost.id, provisionalCost: "0.1" },
        { deliveryId: f.letter.id, costCategoryId: f.mailCost.id, provisionalCost: "250.75" },
      ],
    };
    expect(await updateDeliveryCostsDef.run(t.central, input)).toMatchObject({ ok: true, data: { updated: 2 } });
    expect(await deliveryRow(f.email.id)).toMatchObject({ costCategoryId: f.emailCost.id, provisionalCost: "0.1000" });
    expect(await deliveryRow(f.letter.id)).toMatchObject({ costCategoryId: f.mailCost.id, provisionalCost: "250.7500" });

    const crossed = await updateDeliveryCostsDef.run(t.central, {
      campaignId: f.campaign.id,
      deliveries: [
        { deliveryId: f.email.id, costCategoryId: f.mailCost.id, provisionalCost: "5" },
        { deliveryId: f.letter.id, costCategoryId: f.mailCost.id, provisionalCost: "5" },
      ],
    });
    expect(crossed).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { "deliveries.0.costCategoryId": expect.stringMatching(/Email channel/) } });
    const badAmount = await updateDeliveryCostsDef.run(t.central, { campaignId: f.campaign.id, deliveries: [{ deliveryId: f.letter.id, costCategoryId: "", provisionalCost: "1.001" }] });
    expect(badAmount).toMatchObject({ ok: false, fieldErrors: { "deliveries.0.provisionalCost": expect.stringMatching(/2 decimals/) } });
    expect(await deliveryRow(f.letter.id)).toMatchObject({ costCategoryId: f.mailCost.id, provisionalCost: "250.7500" });
  });

  it("refuses another campaign's delivery, saving nothing", async () => {
    const before = [await deliveryRow(f.email.id), await deliveryRow(f.foreignDelivery.id)];
    const res = await updateDeliveryCostsDef.run(t.central, {
      campaignId: f.campaign.id,
      deliveries: [
        { deliveryId: f.email.id, costCategoryId: "", provisionalCost: "1" },
        { deliveryId: f.foreignDelivery.id, costCategoryId: f.emailCost.id, provisionalCost: "1" },
      ],
    });
    expect(res).toMatchObject({ ok: false, code: "not_found" });
    expect([await deliveryRow(f.email.id), await deliveryRow(f.foreignDelivery.id)]).toEqual(before);
  });

  it("refuses every action to a local operator, saving nothing", async () => {
    const before = [await campaignRow(f.campaign.id), await deliveryRow(f.email.id)];
    for (const def of campaignBudgetActionDefs) {
      const res = await def.run(t.opA, { ...settings(), deliveries: [], taskId: "", lineId: "", invoiceId: "" });
      expect(res, def.name).toMatchObject({ ok: false, code: "not_found" });
    }
    expect([await campaignRow(f.campaign.id), await deliveryRow(f.email.id)]).toEqual(before);
  });

  it("asks budgetMgt to run soon, in the transaction of every change", async () => {
    const [line] = await db().execute<{ id: string }>(sql`insert into expense_lines (campaign_id, label) values (${f.campaign.id}, 'Manual') returning id`);
    const changes: [string, (tx: Tx) => Promise<unknown>][] = [
      // The control: a transaction that changes nothing queues nothing.
      ["no change", async () => undefined],
      ["settings", (tx) => updateCampaignBudget(tx, { ...settings(), budgetProcess: "defined", commitmentLevel: "reserved", provisionalCost: "1", realCost: "" } as Parameters<typeof updateCampaignBudget>[1])],
      ["deliveries", (tx) => updateDeliveryCosts(tx, { campaignId: f.campaign.id, deliveries: [{ deliveryId: f.email.id, costCategoryId: "", provisionalCost: "3" }] })],
      ["task", (tx) => saveCampaignTask(tx, { campaignId: f.campaign.id, taskId: "", label: "Design", status: "planned", days: 1, providerId: "", costCategoryId: "", provisionalCost: "1", realCost: "" })],
      ["task removal", async (tx) => removeCampaignTask(tx, { campaignId: f.campaign.id, taskId: (await saveCampaignTask(tx, { campaignId: f.campaign.id, taskId: "", label: "X", status: "planned", days: 0, providerId: "", costCategoryId: "", provisionalCost: "0", realCost: "" })).id })],
      ["line", (tx) => saveExpenseLine(tx, { campaignId: f.campaign.id, lineId: "", label: "Fee", amount: "1", realAmount: "", budgetCategoryId: "" })],
      ["line removal", (tx) => removeExpenseLine(tx, { campaignId: f.campaign.id, lineId: line!.id })],
      ["invoice", (tx) => saveInvoice(tx, t.central.userId, { campaignId: f.campaign.id, invoiceId: "", number: "F-1", providerId: "", issuedOn: "2026-01-05", status: "received", paidOn: "", lines: [{ label: "Fee", amount: "1", expenseLineId: "" }] })],
      ["invoice removal", async (tx) => removeInvoice(tx, { campaignId: f.campaign.id, invoiceId: (await saveInvoice(tx, t.central.userId, { campaignId: f.campaign.id, invoiceId: "", number: "F-2", providerId: "", issuedOn: "2026-01-05", status: "received", paidOn: "", lines: [{ label: "Fee", amount: "1", expenseLineId: "" }] })).id })],
    ];
    for (const [what, change] of changes) {
      // Other test files share the queue (and may run it): look for the job this very transaction
      // wrote (its row version carries the transaction's id), then roll everything back.
      const queued = await db()
        .transaction(async (tx) => {
          await change(tx);
          const rows = await tx.execute(
            sql`select 1 from graphile_worker._private_jobs where key = 'technical:budgetMgt:command' and xmin = pg_current_xact_id()::xid`,
          );
          throw Object.assign(new Error("rollback"), { queued: rows.length });
        })
        .catch((e: { queued?: number }) => e.queued);
      expect(queued, what).toBe(what === "no change" ? 0 : 1);
    }
  });
});
