import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getSql } from "../../db";
import { budgetCategories, budgets, campaignTasks, campaigns, deliveries, expenseLines, plans, programs } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { twoTenants, uniq } from "../testing/factories";
import { exactAmount, expenseLinesCsv } from "./expense-export";

// The route reads the session from the request; here the test says who is asking.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentActor: async () => session.actor }));
const { GET } = await import("../../app/admin/budgets/export/route");

const exportRequest = (query: string) => GET(new Request(`http://portal.test/admin/budgets/export${query}`));
const collect = async (chunks: AsyncIterable<string>) => {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  return parts;
};
const at = (minute: number) => new Date(Date.UTC(2030, 0, 15, 9, minute, 0));
const HEADER = "\uFEFFBudget,Campaign,Program,Line kind,Label,Budget category,Amount,Real amount,Currency,Updated at\r\n";

describe("CSV export of expense lines", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let brand: { id: string; label: string };
  let events: { id: string; label: string };
  let alpha: string;
  let loose: string;
  beforeAll(async () => {
    t = await twoTenants();
    const db = getDb();
    const [b] = await db.insert(budgets).values({ label: uniq("Brand"), currency: "EUR", allocated: "1000" }).returning();
    const [e] = await db.insert(budgets).values({ label: uniq("Events"), currency: "EUR", parentId: b!.id }).returning();
    brand = b!;
    events = e!;
    const [category] = await db.insert(budgetCategories).values({ budgetId: brand.id, label: "Print, paper", allocated: "500" }).returning();
    const [plan] = await db.insert(plans).values({ label: uniq("Plan") }).returning();
    const [program] = await db.insert(programs).values({ planId: plan!.id, label: "Spring" }).returning();
    // Each campaign names its own budget, and generated lines match their delivery's or task's
    // cost: a budgetMgt run from a test running alongside leaves these rows as they are.
    const campaign = async (label: string, budgetId: string | null) =>
      (await db.insert(campaigns).values({ label, internalName: uniq("c"), programId: program!.id, budgetId, chargedBudgetId: budgetId }).returning())[0]!.id;
    alpha = await campaign("Alpha mailing", brand.id);
    const gala = await campaign("Gala", events.id);
    loose = await campaign("Unbudgeted", null);
    const [delivery] = await db
      .insert(deliveries)
      .values({ campaignId: alpha, label: "Letters", channel: "direct_mail", provisionalCost: "130.1325", calculatedCost: "130.1325" })
      .returning();
    const [task] = await db.insert(campaignTasks).values({ campaignId: alpha, label: "Design", provisionalCost: "400", realCost: "380.5", calculatedCost: "380.5" }).returning();
    await db.insert(expenseLines).values([
      { campaignId: alpha, deliveryId: delivery!.id, label: "Letters", amount: "130.1325", realAmount: null, budgetCategoryId: category!.id, createdAt: at(1), updatedAt: at(1) },
      { campaignId: alpha, taskId: task!.id, label: "Design", amount: "380.5", realAmount: "380.5", createdAt: at(2), updatedAt: at(2) },
      { campaignId: alpha, label: "=HYPERLINK(\"http://x\")", amount: "12.5", createdAt: at(3), updatedAt: at(3) },
      { campaignId: alpha, label: 'Posters, "A2"', amount: "0", realAmount: "0.1", createdAt: at(4), updatedAt: at(4) },
      { campaignId: gala, label: "Venue", amount: "-20", createdAt: at(5), updatedAt: at(5) },
      { campaignId: loose, label: "+ tip", amount: "1", createdAt: at(6), updatedAt: at(6) },
    ]);
  });

  const alphaLines = () =>
    [
      `${brand.label},Alpha mailing,Spring,Delivery,Letters,"Print, paper",130.1325,,EUR,2030-01-15T09:01:00.000Z\r\n`,
      `${brand.label},Alpha mailing,Spring,Task,Design,,380.50,380.50,EUR,2030-01-15T09:02:00.000Z\r\n`,
      `${brand.label},Alpha mailing,Spring,Manual,"'=HYPERLINK(""http://x"")",,12.50,,EUR,2030-01-15T09:03:00.000Z\r\n`,
      `${brand.label},Alpha mailing,Spring,Manual,"Posters, ""A2""",,0.00,0.10,EUR,2030-01-15T09:04:00.000Z\r\n`,
    ].join("");

  it("writes a budget's lines and its child budgets', exactly: kinds, amounts, quotes and formula guards", async () => {
    const text = (await collect(expenseLinesCsv(getSql(), { budgetId: brand.id }))).join("");
    expect(text).toBe(HEADER + alphaLines() + `${events.label},Gala,Spring,Manual,Venue,,-20.00,,EUR,2030-01-15T09:05:00.000Z\r\n`);
  });

  it("filters by campaign, and lists lines of campaigns charging no budget with no budget or currency", async () => {
    expect((await collect(expenseLinesCsv(getSql(), { campaignId: loose }))).join("")).toBe(HEADER + `,Unbudgeted,Spring,Manual,'+ tip,,1.00,,,2030-01-15T09:06:00.000Z\r\n`);
    expect((await collect(expenseLinesCsv(getSql(), { budgetId: events.id, campaignId: alpha }))).join("")).toBe(HEADER);
  });

  it("streams one chunk per cursor batch, never the whole file at once", async () => {
    const chunks = await collect(expenseLinesCsv(getSql(), { campaignId: alpha }, 3));
    expect(chunks).toHaveLength(3); // the header, 3 lines, 1 line
    expect(chunks.join("")).toBe(HEADER + alphaLines());
  });

  it("writes amounts exactly, with at least two decimals", () => {
    expect(["12.5000", "0.1325", "0.1320", "-3", "1000000000.0001"].map(exactAmount)).toEqual(["12.50", "0.1325", "0.132", "-3.00", "1000000000.0001"]);
  });

  it("serves the file to central operators only, and refuses malformed filters", async () => {
    session.actor = t.central;
    const res = await exportRequest(`?budgetId=${brand.id}&campaignId=${alpha}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="expense-lines-\d{4}-\d{2}-\d{2}\.csv"$/);
    // The bytes as sent: Response.text() would drop the byte-order mark.
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(HEADER + alphaLines());
    // An empty filter is no filter.
    expect((await exportRequest(`?budgetId=&campaignId=${loose}`)).status).toBe(200);

    const bad = await exportRequest("?budgetId=1;drop");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("budgetId must be a budget's id.");

    session.actor = t.opA;
    expect((await exportRequest(`?budgetId=${brand.id}`)).status).toBe(404);
    session.actor = null;
    expect((await exportRequest(`?budgetId=${brand.id}`)).status).toBe(401);
  });
});
