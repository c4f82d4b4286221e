import { asc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { costCategories, costStructures, providers } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { twoTenants, uniq } from "../testing/factories";
import { createProviderDef, updateProviderDef } from "./actions";
import { getProviderForEdit, listProviders } from "./queries";
import { blankStructure, moneyMessage, type CostStructureInput, type ProviderInput } from "./schemas";

const structure = (s: Partial<CostStructureInput> & Pick<CostStructureInput, "kind" | "label">): CostStructureInput => ({ ...blankStructure(s.kind), ...s });

const provider = (over: Partial<ProviderInput> = {}): ProviderInput => ({
  name: uniq("Acme Print"),
  contactEmails: "Orders@Acme.test\nops@acme.test, orders@acme.test",
  exportColumns: [
    { header: "Email", field: "email" },
    { header: "Store", field: "store" },
  ],
  fileNamePattern: "{provider}-{delivery}-{date}.csv",
  notifySubject: "New file",
  notifyBody: "Please print.",
  finishOnSend: false,
  categories: [
    {
      id: "",
      label: "Printing",
      channel: "direct_mail",
      costTypes: "Printing, Paper , Printing",
      structures: [
        structure({ label: "Set-up", kind: "fixed", amount: "150" }),
        structure({ label: "Envelopes", kind: "linear", amount: "12.50", batchSize: 500 }),
        structure({ label: "Letters", kind: "linear_threshold", tiers: [{ upTo: 100, price: "0.13" }, { upTo: 1000, price: "0.1200" }, { upTo: 5, price: "0.11" }] }),
      ],
    },
    { id: "", label: "Campaign set-up", channel: "task", costTypes: "", structures: [structure({ label: "Flat", kind: "constant_threshold", tiers: [{ upTo: 10, price: "100" }, { upTo: null, price: "250.5" }] })] },
  ],
  ...over,
});

const idOf = (res: unknown) => (res as { data: { id: string } }).data.id;
const structuresOf = async (providerId: string) =>
  getDb()
    .select({ id: costStructures.id, label: costStructures.label, kind: costStructures.kind, amount: costStructures.amount, batchSize: costStructures.batchSize, tiers: costStructures.tiers, category: costCategories.label })
    .from(costStructures)
    .innerJoin(costCategories, eq(costCategories.id, costStructures.categoryId))
    .where(eq(costCategories.providerId, providerId))
    .orderBy(asc(costStructures.label));

describe("service providers", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let central: Actor;
  beforeAll(async () => {
    t = await twoTenants();
    central = t.central;
  });

  it("creates a provider with its cost categories, structures and processes, exact amounts included", async () => {
    const input = provider();
    const res = await createProviderDef.run(central, input);
    expect(res).toMatchObject({ ok: true });
    const id = idOf(res);
    const row = await getDb().query.providers.findFirst({ where: eq(providers.id, id) });
    expect(row).toMatchObject({
      name: input.name,
      contactEmails: ["orders@acme.test", "ops@acme.test"],
      exportColumns: [
        { header: "Email", field: "email" },
        { header: "Store", field: "store" },
      ],
      fileNamePattern: "{provider}-{delivery}-{date}.csv",
      notifySubject: "New file",
      finishOnSend: false,
    });
    const cats = await getDb().select().from(costCategories).where(eq(costCategories.providerId, id)).orderBy(asc(costCategories.label));
    expect(cats.map((c) => [c.label, c.channel, c.costTypes])).toEqual([
      ["Campaign set-up", "task", []],
      ["Printing", "direct_mail", ["Printing", "Paper"]],
    ]);
    expect(await structuresOf(id)).toMatchObject([
      { label: "Envelopes", kind: "linear", amount: "12.5000", batchSize: 500, tiers: [] },
      { label: "Flat", kind: "constant_threshold", amount: "0.0000", tiers: [{ upTo: 10, price: "100" }, { upTo: null, price: "250.5" }] },
      // The last tier is open whatever the form sent for it; prices are stored in their shortest form.
      { label: "Letters", kind: "linear_threshold", batchSize: null, tiers: [{ upTo: 100, price: "0.13" }, { upTo: 1000, price: "0.12" }, { upTo: null, price: "0.11" }] },
      { label: "Set-up", kind: "fixed", amount: "150.0000", batchSize: null },
    ]);
  });

  it("edits a provider, keeping the ids of the categories and structures it keeps", async () => {
    const id = idOf(await createProviderDef.run(central, provider()));
    const found = (await getProviderForEdit(getDb(), id))!;
    const before = await structuresOf(id);
    const printing = found.values.categories.find((c) => c.label === "Printing")!;
    const edited: ProviderInput = {
      ...found.values,
      name: "Acme Print & Mail",
      contactEmails: "new@acme.test",
      finishOnSend: true,
      // The task category goes; Printing loses its set-up fee, changes a price, gains a structure.
      categories: [
        {
          ...printing,
          label: "Printing and mailing",
          structures: [
            ...printing.structures.filter((s) => s.label !== "Set-up").map((s) => (s.label === "Envelopes" ? { ...s, amount: "13" } : s)),
            structure({ label: "Postage", kind: "linear", amount: "0.0725" }),
          ],
        },
      ],
    };
    expect(await updateProviderDef.run(central, { ...edited, id })).toMatchObject({ ok: true, data: { id } });
    const after = await structuresOf(id);
    expect(after.map((s) => [s.label, s.category, s.amount])).toEqual([
      ["Envelopes", "Printing and mailing", "13.0000"],
      ["Letters", "Printing and mailing", "0.0000"],
      ["Postage", "Printing and mailing", "0.0725"],
    ]);
    const kept = (label: string) => [before.find((s) => s.label === label)!.id, after.find((s) => s.label === label)!.id];
    expect(kept("Envelopes")[0]).toBe(kept("Envelopes")[1]);
    expect(kept("Letters")[0]).toBe(kept("Letters")[1]);
    expect(await getDb().select().from(costStructures).where(inArray(costStructures.id, [before.find((s) => s.label === "Set-up")!.id]))).toEqual([]);
    expect((await getDb().select().from(costCategories).where(eq(costCategories.providerId, id))).map((c) => c.id)).toEqual([printing.id]);
    expect(await getDb().query.providers.findFirst({ where: eq(providers.id, id) })).toMatchObject({ name: "Acme Print & Mail", contactEmails: ["new@acme.test"], finishOnSend: true });
    // What the edit form shows is what was saved.
    expect((await getProviderForEdit(getDb(), id))!.values).toMatchObject({ contactEmails: "new@acme.test", categories: [{ label: "Printing and mailing", costTypes: "Printing, Paper" }] });
  });

  it("lists providers, found by name or by a contact email", async () => {
    const mail = `${uniq("desk")}@mailhouse.test`;
    const id = idOf(await createProviderDef.run(central, provider({ contactEmails: mail })));
    const query = { page: 1, perPage: 20, sort: "name" as const, desc: false };
    expect(await listProviders(getDb(), { ...query, q: mail.slice(0, 10).toUpperCase() })).toMatchObject({ total: 1, rows: [{ id, contactEmails: [mail], columns: 2, categories: 2, finishOnSend: false }] });
  });

  it("refuses bad input field by field, and saves nothing", async () => {
    const name = uniq("Refused");
    const printing = provider().categories[0]!;
    const cases: [Partial<ProviderInput>, Record<string, string>][] = [
      [{ name: "  " }, { name: "Enter the provider's name." }],
      [{ contactEmails: "" }, { contactEmails: "Enter at least one contact email: the extraction file is sent there." }],
      [{ contactEmails: "ok@acme.test, not-an-email" }, { contactEmails: '"not-an-email" is not a valid email address.' }],
      [{ fileNamePattern: "{campaign}.csv" }, { fileNamePattern: "Unknown placeholder {campaign}: use {delivery}, {date} or {provider}." }],
      [{ fileNamePattern: "../{delivery}.csv" }, { fileNamePattern: 'Keep slashes and the characters : * ? " < > | out of a file name.' }],
      [{ fileNamePattern: "{delivery}.xlsx" }, { fileNamePattern: "End the pattern with .csv." }],
      [{ exportColumns: [{ header: "Email", field: "email" }, { header: "email", field: "store" }] }, { "exportColumns.1.header": "Another column already has this header." }],
      [{ exportColumns: [{ header: "Email", field: " " }] }, { "exportColumns.0.field": "Enter a contact field or attribute name." }],
      [{ categories: [{ ...printing, structures: [structure({ label: "Unit", kind: "linear", amount: "0.12345" })] }] }, { "categories.0.structures.0.amount": moneyMessage }],
      [{ categories: [{ ...printing, structures: [structure({ label: "Unit", kind: "linear", amount: "1,5" })] }] }, { "categories.0.structures.0.amount": moneyMessage }],
      [{ categories: [{ ...printing, structures: [structure({ label: "Fee", kind: "fixed", amount: "" })] }] }, { "categories.0.structures.0.amount": "Enter the amount." }],
      [{ categories: [{ ...printing, structures: [structure({ label: "Unit", kind: "linear", amount: "1", batchSize: 0 })] }] }, { "categories.0.structures.0.batchSize": "Use 1 or more." }],
      [
        { categories: [{ ...printing, structures: [structure({ label: "T", kind: "linear_threshold", tiers: [{ upTo: 1000, price: "0.13" }, { upTo: 100, price: "0.12" }, { upTo: null, price: "0.11" }] })] }] },
        { "categories.0.structures.0.tiers.1.upTo": "Use more than 1,000: tiers go up." },
      ],
      [
        { categories: [{ ...printing, structures: [structure({ label: "T", kind: "constant_threshold", tiers: [{ upTo: null, price: "10" }, { upTo: null, price: "-1" }] })] }] },
        { "categories.0.structures.0.tiers.0.upTo": "Enter up to how many items this price applies.", "categories.0.structures.0.tiers.1.price": moneyMessage },
      ],
      [{ categories: [{ ...printing, structures: [structure({ label: "T", kind: "linear_threshold", tiers: [] })] }] }, { "categories.0.structures.0.tiers": "Add at least one tier." }],
      [{ categories: [{ ...printing, label: "", structures: [] }] }, { "categories.0.label": "Enter a label.", "categories.0.structures": "Add at least one cost structure." }],
    ];
    for (const [over, fieldErrors] of cases) {
      const res = await createProviderDef.run(central, provider({ name, ...over }));
      expect(res, JSON.stringify(over)).toEqual({ ok: false, code: "invalid_input", error: "Some fields need your attention.", fieldErrors });
    }
    expect(await getDb().select().from(providers).where(eq(providers.name, name))).toEqual([]);
  });

  it("answers not found for a provider that does not exist, and refuses local operators", async () => {
    const missing = await updateProviderDef.run(central, { ...provider(), id: "00000000-0000-4000-8000-000000000000" });
    expect(missing).toMatchObject({ ok: false, code: "not_found" });
    const name = uniq("Local");
    expect(await createProviderDef.run(t.opA, provider({ name }))).toMatchObject({ ok: false, code: "not_found" });
    const id = idOf(await createProviderDef.run(central, provider()));
    expect(await updateProviderDef.run(t.opA, { ...provider({ name }), id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await getDb().select().from(providers).where(eq(providers.name, name))).toEqual([]);
  });
});
