import { TransactionRollbackError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Tx } from "../../db";
import { budgets, plans, programs } from "../../db/schema";
import { uniq } from "../testing/factories";
import { budgetsComputedAt, listBudgets, listProgramFigures } from "./budget-queries";
import { getBudgetForEdit, listChildBudgets, parentOptions } from "./budgets-detail";

const computedAt = new Date("2030-01-02T03:04:05Z");

/** Budgets and programs with figures as budgetMgt would have written them. */
async function seed(tx: Tx) {
  const tag = uniq("Dash");
  const [parent] = await tx
    .insert(budgets)
    .values({ label: `${tag} Brand`, currency: "EUR", allocated: "1000.00", planned: "100.1000", reserved: "200", committed: "300", spent: "450.5", invoiced: "120", computedAt })
    .returning();
  const [child] = await tx
    .insert(budgets)
    .values({ label: `${tag} Events`, currency: "EUR", parentId: parent!.id, allocated: "500.00", planned: "0", reserved: "0", committed: "25.0025", spent: "0", computedAt })
    .returning();
  await tx.insert(budgets).values({ label: `${tag} Retail`, currency: "USD", allocated: "10.00" });
  const planLabel = `${tag} plan`;
  const [plan] = await tx.insert(plans).values({ label: planLabel }).returning();
  await tx.insert(programs).values([
    { planId: plan!.id, label: "Awareness", budgetId: parent!.id, planned: "10", reserved: "0", committed: "990", spent: "0.5" },
    { planId: plan!.id, label: "Loyalty", planned: "0", reserved: "42", committed: "0", spent: "0" },
    { planId: plan!.id, label: "Dormant" },
  ]);
  return { tag, parentId: parent!.id, childId: child!.id, planLabel };
}

/**
 * Each test reads its own figures inside a transaction it rolls back: budgetMgt, run by tests
 * alongside, recomputes every committed budget and program and would put these figures back to
 * what their (absent) campaigns consolidate.
 */
function withFigures(name: string, fn: (tx: Tx, f: Awaited<ReturnType<typeof seed>>) => Promise<void>) {
  it(name, async () => {
    await getDb()
      .transaction(async (tx) => {
        await fn(tx, await seed(tx));
        tx.rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof TransactionRollbackError)) throw err;
      });
  });
}

describe("the budget dashboard's queries", () => {
  withFigures("lists budgets with their figures, parent and remaining amount, exact", async (tx, { tag }) => {
    const { rows, total } = await listBudgets(tx, { q: tag, page: 1, perPage: 20, sort: "label", desc: false });
    expect(total).toBe(3);
    const [brand, events, retail] = rows;
    expect(brand).toMatchObject({ label: `${tag} Brand`, parentLabel: null, allocated: "1000.00", planned: "100.1000", spent: "450.5000", invoiced: "120.0000", remaining: "-50.6000" });
    expect(events).toMatchObject({ label: `${tag} Events`, parentLabel: `${tag} Brand`, remaining: "474.9975" });
    expect(retail).toMatchObject({ currency: "USD", remaining: "10.0000", computedAt: null });
  });

  withFigures("sorts by remaining and filters by currency, server-side", async (tx, { tag }) => {
    const byRemaining = await listBudgets(tx, { q: tag, page: 1, perPage: 20, sort: "remaining", desc: true });
    expect(byRemaining.rows.map((r) => r.label)).toEqual([`${tag} Events`, `${tag} Retail`, `${tag} Brand`]);
    const usd = await listBudgets(tx, { q: tag, page: 1, perPage: 20, sort: "label", desc: false, currency: "USD" });
    expect(usd.rows.map((r) => r.label)).toEqual([`${tag} Retail`]);
    const page2 = await listBudgets(tx, { q: tag, page: 2, perPage: 10, sort: "label", desc: false });
    expect(page2).toMatchObject({ rows: [], total: 3 });
    expect((await budgetsComputedAt(tx))!.getTime()).toBeGreaterThanOrEqual(computedAt.getTime());
  });

  withFigures("lists programs against their own budget's Allocated, leaving out those with neither budget nor figures", async (tx, { planLabel, parentId }) => {
    const { rows, total } = await listProgramFigures(tx, { q: planLabel });
    expect(total).toBe(2);
    expect(rows).toEqual([
      expect.objectContaining({ label: "Awareness", planLabel, budgetId: parentId, currency: "EUR", allocated: "1000.00", planned: "10.0000", committed: "990.0000", spent: "0.5000", remaining: "-0.5000" }),
      expect.objectContaining({ label: "Loyalty", budgetId: null, currency: null, allocated: null, reserved: "42.0000", remaining: null }),
    ]);
  });

  withFigures("reads one budget for its page: form values, children, and parents that make no cycle", async (tx, { tag, parentId, childId }) => {
    const found = await getBudgetForEdit(tx, parentId);
    expect(found!.values).toMatchObject({ label: `${tag} Brand`, currency: "EUR", parentId: "", allocated: "1000.00", periodStart: "", categories: [] });
    expect(found!.budget.remaining).toBe("-50.6000");
    expect(await listChildBudgets(tx, parentId, 1)).toMatchObject({ total: 1, rows: [{ id: childId }] });
    const forParent = (await parentOptions(tx, parentId)).map((o) => o.id);
    expect(forParent).not.toContain(parentId);
    expect(forParent).not.toContain(childId);
    expect((await parentOptions(tx, childId)).map((o) => o.id)).toContain(parentId);
  });
});
