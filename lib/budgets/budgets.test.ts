import { asc, eq, sql, TransactionRollbackError } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Tx } from "../../db";
import { budgetCategories, budgets, campaigns, expenseLines } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { twoTenants, uniq } from "../testing/factories";
import { createBudgetDef, updateBudgetDef } from "./budget-actions";
import { blankBudget, budgetSchema, type BudgetInput } from "./budget-schemas";
import { saveBudget } from "./budgets";

const budget = (over: Partial<BudgetInput> = {}): BudgetInput => ({ ...blankBudget, label: uniq("Budget"), allocated: "1000", ...over });
const idOf = (res: unknown) => (res as { data: { id: string } }).data.id;
const categoriesOf = (budgetId: string) =>
  getDb().select().from(budgetCategories).where(eq(budgetCategories.budgetId, budgetId)).orderBy(asc(budgetCategories.label));
const byLabel = async (label: string) => getDb().query.budgets.findFirst({ where: eq(budgets.label, label) });

// budgetMgt's "run soon" job: one per workflow, replaced (revision + 1) by every new request.
const budgetMgtJobRevision = async (tx: Tx) =>
  [...(await tx.execute<{ revision: number }>(sql`select revision from graphile_worker.jobs where key = 'technical:budgetMgt:command'`))][0]?.revision ?? -1;

describe("budgets", () => {
  let central: Actor;
  let local: Actor;
  beforeAll(async () => {
    const t = await twoTenants();
    central = t.central;
    local = t.opA;
  });

  it("creates a budget with its categories, amounts in cents and the currency in capitals", async () => {
    const input = budget({
      currency: "usd",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      allocated: "1250.4",
      categories: [
        { id: "", label: "Printing", allocated: "1000.40" },
        { id: "", label: "Postage", allocated: "250" },
      ],
    });
    const res = await createBudgetDef.run(central, input);
    expect(res).toMatchObject({ ok: true });
    const saved = await byLabel(input.label);
    expect(saved).toMatchObject({ currency: "USD", allocated: "1250.40", periodStart: "2026-01-01", periodEnd: "2026-12-31", parentId: null });
    expect((await categoriesOf(saved!.id)).map((c) => [c.label, c.allocated])).toEqual([
      ["Postage", "250.00"],
      ["Printing", "1000.40"],
    ]);
    expect((res as { data: { categoryIds: string[] } }).data.categoryIds).toHaveLength(2);
  });

  it("asks budgetMgt to run, in the transaction of the save", async () => {
    await getDb()
      .transaction(async (tx) => {
        const before = await budgetMgtJobRevision(tx);
        await saveBudget(tx, budgetSchema.parse(budget()));
        expect(await budgetMgtJobRevision(tx)).toBeGreaterThan(before);
        tx.rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof TransactionRollbackError)) throw err;
      });
  });

  it("refuses categories that add up to more than Allocated, to the cent, saving nothing", async () => {
    const over = budget({
      allocated: "100",
      categories: [
        { id: "", label: "A", allocated: "33.34" },
        { id: "", label: "B", allocated: "33.33" },
        { id: "", label: "C", allocated: "33.34" },
      ],
    });
    expect(await createBudgetDef.run(central, over)).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { categories: "The categories add up to 100.01, more than the budget's Allocated amount (100.00)." },
    });
    expect(await byLabel(over.label)).toBeUndefined();

    // Exactly Allocated is fine: 0.1 + 0.2 is 0.30 here, not 0.30000000000000004.
    const exact = budget({ allocated: "0.3", categories: [{ id: "", label: "A", allocated: "0.1" }, { id: "", label: "B", allocated: "0.2" }] });
    expect(await createBudgetDef.run(central, exact)).toMatchObject({ ok: true });
  });

  it("refuses a bad currency, period, amount or label, each on its field, saving nothing", async () => {
    const cases: [Partial<BudgetInput>, string, string][] = [
      [{ currency: "EURO" }, "currency", "Enter a 3-letter ISO 4217 code, like EUR or USD."],
      [{ currency: "E1R" }, "currency", "Enter a 3-letter ISO 4217 code, like EUR or USD."],
      [{ periodStart: "2026-06-01", periodEnd: "2026-05-31" }, "periodEnd", "End on or after the start of the period."],
      [{ periodStart: "2026-02-30" }, "periodStart", "Enter a date as YYYY-MM-DD, or leave it empty."],
      [{ allocated: "-5" }, "allocated", "Enter an amount like 1250.40: digits, a dot, at most 2 decimals."],
      [{ allocated: "1.005" }, "allocated", "Enter an amount like 1250.40: digits, a dot, at most 2 decimals."],
      [{ allocated: "" }, "allocated", "Enter the allocated amount."],
      [{ categories: [{ id: "", label: "A", allocated: "1,5" }] }, "categories.0.allocated", "Enter an amount like 1250.40: digits, a dot, at most 2 decimals."],
      [{ categories: [{ id: "", label: "Print", allocated: "1" }, { id: "", label: "print", allocated: "1" }] }, "categories.1.label", "Another category already has this label."],
    ];
    for (const [over, field, message] of cases) {
      const input = budget(over);
      const res = await createBudgetDef.run(central, input);
      expect(res, field).toMatchObject({ ok: false, code: "invalid_input" });
      expect((res as { fieldErrors: Record<string, string> }).fieldErrors[field], JSON.stringify(over)).toBe(message);
      expect(await byLabel(input.label)).toBeUndefined();
    }
    expect(await createBudgetDef.run(central, budget({ label: "  " }))).toMatchObject({ ok: false, fieldErrors: { label: "Enter a label." } });
  });

  it("refuses a parent that is the budget itself or below it, and one in another currency", async () => {
    const top = idOf(await createBudgetDef.run(central, budget()));
    const middle = idOf(await createBudgetDef.run(central, budget({ parentId: top })));
    const bottom = idOf(await createBudgetDef.run(central, budget({ parentId: middle })));
    const current = (await getDb().query.budgets.findFirst({ where: eq(budgets.id, top) }))!;
    const edit = (over: Partial<BudgetInput>) => updateBudgetDef.run(central, { ...budget({ label: current.label }), id: top, ...over });

    expect(await edit({ parentId: top })).toMatchObject({ ok: false, fieldErrors: { parentId: "A budget cannot be its own parent." } });
    for (const below of [middle, bottom]) {
      expect(await edit({ parentId: below })).toMatchObject({
        ok: false,
        fieldErrors: { parentId: "This budget is under the one you are editing: choose a budget outside its branch." },
      });
    }
    expect((await getDb().query.budgets.findFirst({ where: eq(budgets.id, top) }))!.parentId).toBeNull();

    expect(await edit({ parentId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, fieldErrors: { parentId: "Choose an existing budget." } });
    const usd = budget({ currency: "USD", parentId: top });
    expect(await createBudgetDef.run(central, usd)).toMatchObject({
      ok: false,
      fieldErrors: { currency: "Use the parent budget's currency (EUR): its figures include this budget's." },
    });
    expect(await byLabel(usd.label)).toBeUndefined();
    expect(await edit({ currency: "USD" })).toMatchObject({ ok: false, fieldErrors: { currency: "Its child budgets count in EUR, and its figures include theirs: keep EUR." } });

    // Moving the bottom budget under the top one is no cycle.
    expect(await updateBudgetDef.run(central, { ...budget(), id: bottom, parentId: top })).toMatchObject({ ok: true });
  });

  it("updates a budget's categories as rows: kept ones keep their id, removed ones leave their campaigns and lines without one", async () => {
    const created = await createBudgetDef.run(central, budget({ categories: [{ id: "", label: "Printing", allocated: "600" }, { id: "", label: "Postage", allocated: "300" }] }));
    const id = idOf(created);
    const [postage, printing] = await categoriesOf(id);
    const [campaign] = await getDb()
      .insert(campaigns)
      .values({ label: uniq("C"), internalName: uniq("c"), budgetId: id, budgetCategoryId: postage!.id })
      .returning();
    const [line] = await getDb().insert(expenseLines).values({ campaignId: campaign!.id, label: "Stamps", amount: "12", budgetCategoryId: postage!.id }).returning();

    const label = uniq("Renamed");
    const res = await updateBudgetDef.run(central, {
      ...budget({ label, allocated: "900" }),
      id,
      categories: [
        { id: printing!.id, label: "Print", allocated: "500" },
        { id: "", label: "Design", allocated: "400" },
      ],
    });
    expect(res).toMatchObject({ ok: true, data: { id } });
    const after = await categoriesOf(id);
    expect(after.map((c) => [c.label, c.allocated])).toEqual([
      ["Design", "400.00"],
      ["Print", "500.00"],
    ]);
    expect(after.find((c) => c.label === "Print")!.id).toBe(printing!.id);
    expect((res as { data: { categoryIds: string[] } }).data.categoryIds).toEqual([printing!.id, after.find((c) => c.label === "Design")!.id]);
    expect((await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, campaign!.id) }))!.budgetCategoryId).toBeNull();
    expect((await getDb().query.expenseLines.findFirst({ where: eq(expenseLines.id, line!.id) }))!.budgetCategoryId).toBeNull();
    expect((await getDb().query.budgets.findFirst({ where: eq(budgets.id, id) }))!.label).toBe(label);

    // Lowering Allocated below its categories is refused too, and the budget stays as it was.
    expect(await updateBudgetDef.run(central, { ...budget({ label, allocated: "899.99" }), id, categories: after.map((c) => ({ id: c.id, label: c.label, allocated: c.allocated })) })).toMatchObject({
      ok: false,
      fieldErrors: { categories: "The categories add up to 900.00, more than the budget's Allocated amount (899.99)." },
    });
    expect((await getDb().query.budgets.findFirst({ where: eq(budgets.id, id) }))!.allocated).toBe("900.00");
  });

  it("is for central operators only", async () => {
    const input = budget();
    expect(await createBudgetDef.run(local, input)).toMatchObject({ ok: false, code: "not_found" });
    expect(await createBudgetDef.run(null, input)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await byLabel(input.label)).toBeUndefined();
  });
});
