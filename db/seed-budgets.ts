import { eq, inArray } from "drizzle-orm";
import { runBudgetMgt } from "../lib/budgets/budget-mgt";
import { runStockMgt } from "../lib/stock/stock-mgt";
import type { Tx } from "./index";
import {
  budgetCategories,
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
  stockLines,
  stockOrders,
} from "./schema";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Budgets and stock with figures to look at: the plan charges Marketing 2027, whose two child
 * budgets are charged by the programs; the campaigns sit at every commitment level; one stock
 * line is below its alert level. budgetMgt and stockMgt run once at the end, as the worker would.
 * The figures are worked out in db/seed.test.ts.
 */
export async function seedBudgets(tx: Tx, operatorId: string) {
  const [marketing] = await tx.insert(budgets).values({ label: "Marketing 2027", allocated: "120000", periodStart: "2027-01-01", periodEnd: "2027-12-31" }).returning();
  const [network, brand] = await tx
    .insert(budgets)
    .values([
      { label: "Network campaigns", allocated: "40000", parentId: marketing!.id, periodStart: "2027-01-01", periodEnd: "2027-12-31" },
      { label: "Brand", allocated: "30000", parentId: marketing!.id, periodStart: "2027-01-01", periodEnd: "2027-12-31" },
    ])
    .returning();
  await tx.insert(budgetCategories).values([
    { budgetId: marketing!.id, label: "Media", allocated: "60000" },
    { budgetId: marketing!.id, label: "Print", allocated: "40000" },
    { budgetId: network!.id, label: "Email", allocated: "10000" },
    { budgetId: network!.id, label: "Direct mail", allocated: "25000" },
  ]);
  const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.label, "Annual marketing plan"));
  await tx.update(plans).set({ budgetId: marketing!.id }).where(eq(plans.id, plan!.id));
  await tx.update(programs).set({ budgetId: network!.id }).where(eq(programs.label, "Network campaigns"));
  const [brandProgram] = await tx.insert(programs).values({ planId: plan!.id, label: "Brand awareness", budgetId: brand!.id }).returning();
  const [networkProgram] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.label, "Network campaigns"));

  const [printCo] = await tx.insert(providers).values({ name: "PrintCo", contactEmails: ["orders@printco.demo"] }).returning();
  const [leaflets, giftCards] = await tx
    .insert(stockLines)
    .values([
      { resource: "Autumn leaflets", providerId: printCo!.id, initialStock: 2000, alertLevel: 500, managerIds: [operatorId] },
      { resource: "Loyalty gift cards", providerId: printCo!.id, initialStock: 600, alertLevel: 200, managerIds: [operatorId] },
      { resource: "Welcome brochures", providerId: printCo!.id, initialStock: 5000, alertLevel: 1000, managerIds: [operatorId] },
    ])
    .returning();
  await tx.insert(stockOrders).values([
    { stockLineId: leaflets!.id, volume: 1000, deliveryDate: day(-5) },
    { stockLineId: leaflets!.id, volume: 1500, deliveryDate: day(10) },
  ]);
  const category = async (label: string, channel: "email" | "direct_mail" | "task", stockLineId: string | null, structures: Omit<typeof costStructures.$inferInsert, "categoryId">[]) => {
    const [c] = await tx.insert(costCategories).values({ providerId: printCo!.id, label, channel, stockLineId }).returning();
    await tx.insert(costStructures).values(structures.map((s) => ({ ...s, categoryId: c!.id })));
    return c!.id;
  };
  const emailSending = await category("Email sending", "email", null, [
    { label: "Per message", kind: "linear_threshold", tiers: [{ upTo: 10000, price: "0.012" }, { upTo: null, price: "0.010" }] },
  ]);
  const giftMailing = await category("Gift card mailing", "direct_mail", giftCards!.id, [
    { label: "Set-up", kind: "fixed", amount: "150" },
    { label: "Per card", kind: "linear", amount: "2.40" },
  ]);
  await category("Leaflet printing", "direct_mail", leaflets!.id, [{ label: "Print run", kind: "constant_threshold", tiers: [{ upTo: 1000, price: "450" }, { upTo: null, price: "800" }] }]);
  const studio = await category("Studio work", "task", null, [{ label: "Day rate", kind: "linear", amount: "480" }]);

  const byName = async (names: string[]) => tx.select({ id: campaigns.id, internalName: campaigns.internalName }).from(campaigns).where(inArray(campaigns.internalName, names));
  const [autumn] = await byName(["autumn-loyalty-mailing"]);
  // Started and Reserved: its email is priced when it leaves, its design is done, its gifts bought.
  await tx.update(campaigns).set({ budgetProcess: "defined", commitmentLevel: "reserved", budgetCategoryId: null }).where(eq(campaigns.id, autumn!.id));
  await tx.update(deliveries).set({ costCategoryId: emailSending, provisionalCost: "120" }).where(eq(deliveries.campaignId, autumn!.id));
  await tx.insert(campaignTasks).values({ campaignId: autumn!.id, label: "Leaflet design", status: "finished", days: 2, providerId: printCo!.id, costCategoryId: studio });
  await tx.insert(expenseLines).values({ campaignId: autumn!.id, label: "Gift sourcing", amount: "850", realAmount: "812.40" });
  const [invoice] = await tx.insert(invoices).values({ campaignId: autumn!.id, providerId: printCo!.id, number: "PC-2026-118", issuedOn: day(-20), status: "paid", paidOn: day(-6), createdById: operatorId }).returning();
  await tx.insert(invoiceLines).values({ invoiceId: invoice!.id, label: "Leaflet design, 2 days", amount: "960" });

  // Finished and Committed: 450 gift cards mailed, which takes the line below its alert level.
  const [spring] = await tx
    .insert(campaigns)
    .values({ label: "Spring gift card mailing", internalName: "spring-gift-card-mailing", programId: networkProgram!.id, managerId: operatorId, status: "finished", budgetProcess: "defined", commitmentLevel: "committed" })
    .returning();
  await tx.insert(deliveries).values({ campaignId: spring!.id, label: "Gift card mailing", channel: "direct_mail", status: "finished", providerId: printCo!.id, costCategoryId: giftMailing, targetedCount: 450 });

  const others = await byName(["store-opening", "seasonal-newsletter", "regional-promotion"]);
  const provisional: Record<string, Partial<typeof campaigns.$inferInsert>> = {
    "store-opening": { provisionalCost: "2500", budgetProcess: "defined", commitmentLevel: "planned" },
    // Still being budgeted: calculated, not consolidated.
    "seasonal-newsletter": { provisionalCost: "4000" },
    "regional-promotion": { provisionalCost: "3000", budgetProcess: "defined", commitmentLevel: "planned" },
  };
  for (const c of others) await tx.update(campaigns).set(provisional[c.internalName]!).where(eq(campaigns.id, c.id));
  await tx.insert(campaigns).values({ label: "Brand film", internalName: "brand-film", programId: brandProgram!.id, managerId: operatorId, provisionalCost: "18000", budgetProcess: "defined", commitmentLevel: "planned" });

  await runBudgetMgt(tx);
  await runStockMgt(tx);
}
