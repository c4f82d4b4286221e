import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, expenseLines, invoiceLines, invoices, providers } from "../../db/schema";
import { twoTenants, uniq } from "../testing/factories";
import { removeInvoiceDef, saveInvoiceDef } from "./campaign-budget-actions";
import { listCampaignInvoices } from "./campaign-budget-queries";
import type { InvoiceInput } from "./campaign-budget-schemas";

// A campaign's invoices and their lines on the Budget tab.

const db = () => getDb();
const invoicesOf = (campaignId: string) => db().select().from(invoices).where(eq(invoices.campaignId, campaignId)).orderBy(invoices.createdAt);
const linesOf = async (campaignId: string) => {
  const ids = (await invoicesOf(campaignId)).map((i) => i.id);
  return ids.length ? db().select().from(invoiceLines).where(inArray(invoiceLines.invoiceId, ids)).orderBy(invoiceLines.label) : [];
};
const fieldError = (res: unknown, field: string) => (res as { fieldErrors?: Record<string, string> }).fieldErrors?.[field];

describe("campaign invoices", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let campaignId: string;
  let foreignCampaignId: string;
  let providerId: string;
  let ownLine: string;
  let foreignLine: string;
  let foreignInvoice: string;
  beforeAll(async () => {
    t = await twoTenants();
    const [c, x] = await db()
      .insert(campaigns)
      .values([
        { label: uniq("Campaign"), internalName: uniq("ci") },
        { label: uniq("Foreign"), internalName: uniq("ci") },
      ])
      .returning();
    campaignId = c!.id;
    foreignCampaignId = x!.id;
    const [p] = await db().insert(providers).values({ name: uniq("Printer") }).returning();
    providerId = p!.id;
    const [l, fl] = await db()
      .insert(expenseLines)
      .values([
        { campaignId, label: "Printing", amount: "400" },
        { campaignId: foreignCampaignId, label: "Elsewhere", amount: "5" },
      ])
      .returning();
    ownLine = l!.id;
    foreignLine = fl!.id;
    const [fi] = await db().insert(invoices).values({ campaignId: foreignCampaignId, number: "X-1", issuedOn: "2026-01-01" }).returning();
    foreignInvoice = fi!.id;
  });

  const invoice = (over: Partial<InvoiceInput> = {}): InvoiceInput => ({
    campaignId,
    invoiceId: "",
    number: "INV-2026-001",
    providerId,
    issuedOn: "2026-03-10",
    status: "received",
    paidOn: "",
    lines: [
      { label: "Printing", amount: "399.99", expenseLineId: ownLine },
      { label: "Delivery fee", amount: "0.01", expenseLineId: "" },
    ],
    ...over,
  });

  it("refuses bad input next to its field, saving nothing", async () => {
    const cases: [Partial<InvoiceInput>, string, RegExp][] = [
      [{ number: " " }, "number", /invoice number/],
      [{ issuedOn: "" }, "issuedOn", /date like/],
      [{ issuedOn: "2026-02-30" }, "issuedOn", /date like/],
      [{ status: "overdue" as never }, "status", /Choose a status/],
      [{ lines: [] }, "lines", /at least one line/],
      [{ lines: [{ label: "", amount: "1", expenseLineId: "" }] }, "lines.0.label", /Enter a label/],
      [{ lines: [{ label: "Fee", amount: "1.234", expenseLineId: "" }] }, "lines.0.amount", /2 decimals/],
    ];
    for (const [over, field, message] of cases) {
      const res = await saveInvoiceDef.run(t.central, invoice(over));
      expect(res, field).toMatchObject({ ok: false, code: "invalid_input" });
      expect(fieldError(res, field), field).toMatch(message);
    }
    expect(await invoicesOf(campaignId)).toEqual([]);
  });

  it("needs the payment date of a paid invoice, not before its issue date", async () => {
    const missing = await saveInvoiceDef.run(t.central, invoice({ status: "paid", paidOn: "" }));
    expect(fieldError(missing, "paidOn")).toMatch(/date it was paid/);
    const early = await saveInvoiceDef.run(t.central, invoice({ status: "paid", paidOn: "2026-03-09" }));
    expect(fieldError(early, "paidOn")).toMatch(/before its issue date/);
    const malformed = await saveInvoiceDef.run(t.central, invoice({ status: "paid", paidOn: "10/03/2026" }));
    expect(fieldError(malformed, "paidOn")).toMatch(/date like/);
    expect(await invoicesOf(campaignId)).toEqual([]);
    // Paid the day it was issued is fine.
    expect(await saveInvoiceDef.run(t.central, invoice({ number: "SAME-DAY", status: "paid", paidOn: "2026-03-10" }))).toMatchObject({ ok: true });
    const [row] = await invoicesOf(campaignId);
    expect(row).toMatchObject({ number: "SAME-DAY", status: "paid", paidOn: "2026-03-10" });
    await removeInvoiceDef.run(t.central, { campaignId, invoiceId: row!.id });
  });

  it("refuses a line linked to another campaign's expense line, and another campaign's invoice", async () => {
    const res = await saveInvoiceDef.run(t.central, invoice({ lines: [{ label: "Sneaky", amount: "1", expenseLineId: foreignLine }] }));
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    expect(fieldError(res, "lines.0.expenseLineId")).toMatch(/this campaign's expense lines/);
    const before = await invoicesOf(foreignCampaignId);
    expect(await saveInvoiceDef.run(t.central, invoice({ invoiceId: foreignInvoice }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await removeInvoiceDef.run(t.central, { campaignId, invoiceId: foreignInvoice })).toMatchObject({ ok: false, code: "not_found" });
    expect(await invoicesOf(foreignCampaignId)).toEqual(before);
    expect(await invoicesOf(campaignId)).toEqual([]);
  });

  it("adds, edits and removes an invoice with its lines, exact amounts and totals", async () => {
    const added = await saveInvoiceDef.run(t.central, invoice());
    expect(added).toMatchObject({ ok: true });
    const id = (added as { data: { id: string } }).data.id;
    expect(await invoicesOf(campaignId)).toMatchObject([{ id, number: "INV-2026-001", providerId, issuedOn: "2026-03-10", status: "received", paidOn: null, createdById: t.central.userId }]);
    expect(await linesOf(campaignId)).toMatchObject([
      { label: "Delivery fee", amount: "0.0100", expenseLineId: null },
      { label: "Printing", amount: "399.9900", expenseLineId: ownLine },
    ]);
    let list = await listCampaignInvoices(db(), campaignId, { page: 1, perPage: 10 });
    expect(list).toMatchObject({ total: 1, totals: { all: "400.0000", paid: "0" }, rows: [{ id, total: "400.0000", providerName: expect.any(String) }] });

    // Paid, with one line fewer: the lines are the form's, and a payment date only stays on a paid invoice.
    const paid = await saveInvoiceDef.run(t.central, invoice({ invoiceId: id, providerId: "", status: "paid", paidOn: "2026-04-01", lines: [{ label: "Printing", amount: "1234567.89", expenseLineId: "" }] }));
    expect(paid).toMatchObject({ ok: true, data: { id } });
    expect(await linesOf(campaignId)).toMatchObject([{ label: "Printing", amount: "1234567.8900", expenseLineId: null }]);
    list = await listCampaignInvoices(db(), campaignId, { page: 1, perPage: 10 });
    expect(list.totals).toEqual({ all: "1234567.8900", paid: "1234567.8900" });
    expect(list.rows[0]).toMatchObject({ providerId: null, status: "paid", paidOn: "2026-04-01" });
    expect(await saveInvoiceDef.run(t.central, invoice({ invoiceId: id, status: "approved", paidOn: "2026-04-01" }))).toMatchObject({ ok: true });
    expect((await invoicesOf(campaignId))[0]).toMatchObject({ status: "approved", paidOn: null });

    expect(await removeInvoiceDef.run(t.central, { campaignId, invoiceId: id })).toMatchObject({ ok: true });
    expect(await invoicesOf(campaignId)).toEqual([]);
    expect(await linesOf(campaignId)).toEqual([]);
  });
});
