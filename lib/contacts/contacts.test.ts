import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { contacts } from "../../db/schema";
import { twoTenants } from "../testing/factories";
import { importContactsDef, setContactStatusDef } from "./actions";
import { parseCsv } from "./csv";
import { contactsCsv } from "./export";

type Tenants = Awaited<ReturnType<typeof twoTenants>>;
const row = (email: string, extra: Record<string, unknown> = {}) => ({ email, firstName: "", lastName: "", status: "", attributes: {}, ...extra });

async function contactOf(entityId: string, email: string) {
  return getDb().query.contacts.findFirst({ where: and(eq(contacts.entityId, entityId), eq(contacts.email, email)) });
}

async function countOf(entityId: string) {
  return (await getDb().select({ id: contacts.id }).from(contacts).where(eq(contacts.entityId, entityId))).length;
}

describe("contacts import", () => {
  let t: Tenants;
  beforeAll(async () => {
    t = await twoTenants();
  });

  it("creates new contacts, then updates them by email", async () => {
    const first = await importContactsDef.run(t.opA, {
      entity: t.a.internalName,
      rows: [
        row("Anna@Example.com", { firstName: "Anna", lastName: "Dupont", attributes: { city: "Paris", store: "p1" } }),
        row("ben@example.com", { firstName: "Ben", lastName: "Martin", status: "unsubscribed" }),
      ],
    });
    expect(first).toEqual({ ok: true, data: { created: 2, updated: 0 } });
    expect(await contactOf(t.a.id, "anna@example.com")).toMatchObject({ firstName: "Anna", status: "active", attributes: { city: "Paris", store: "p1" } });
    expect(await contactOf(t.a.id, "ben@example.com")).toMatchObject({ status: "unsubscribed" });

    const second = await importContactsDef.run(t.opA, {
      entity: t.a.internalName,
      rows: [
        // New last name and city; the empty first name and the missing store keep what is stored.
        row("anna@example.com", { lastName: "Durand", attributes: { city: "Lille", segment: "vip" } }),
        // No status in the file: Ben stays unsubscribed.
        row("ben@example.com", { firstName: "Benjamin" }),
        row("cleo@example.com", { lastName: "Petit", status: "bounced" }),
      ],
    });
    expect(second).toEqual({ ok: true, data: { created: 1, updated: 2 } });
    expect(await contactOf(t.a.id, "anna@example.com")).toMatchObject({
      firstName: "Anna",
      lastName: "Durand",
      status: "active",
      attributes: { city: "Lille", store: "p1", segment: "vip" },
    });
    expect(await contactOf(t.a.id, "ben@example.com")).toMatchObject({ firstName: "Benjamin", lastName: "Martin", status: "unsubscribed" });
    expect(await contactOf(t.a.id, "cleo@example.com")).toMatchObject({ status: "bounced" });

    // A status given in the file applies, except that a file never lifts an unsubscription.
    const third = await importContactsDef.run(t.opA, { entity: t.a.internalName, rows: [row("ben@example.com", { status: "active" }), row("cleo@example.com", { status: "active" })] });
    expect(third).toEqual({ ok: true, data: { created: 0, updated: 2 } });
    expect(await contactOf(t.a.id, "ben@example.com")).toMatchObject({ firstName: "Benjamin", status: "unsubscribed" });
    expect(await contactOf(t.a.id, "cleo@example.com")).toMatchObject({ status: "active" });
  });

  it("refuses a batch with a bad row, with the row's messages, and writes nothing", async () => {
    const before = await countOf(t.a.id);
    const res = await importContactsDef.run(t.opA, {
      entity: t.a.internalName,
      rows: [
        row("fine@example.com"),
        row("not-an-email"),
        row("s@example.com", { status: "gone" }),
        row("v@example.com", { attributes: { note: "x".repeat(501) } }),
        row("n@example.com", { attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }),
        row("fine@example.com"),
      ],
    });
    expect(res).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: {
        "rows.1.email": "Enter a valid email address, like name@example.com.",
        "rows.2.status": "Use active, unsubscribed or bounced, or leave it empty.",
        "rows.3.attributes.note": "Keep each value under 500 characters.",
        "rows.4.attributes": "A contact has at most 50 attributes.",
      },
    });
    expect(await countOf(t.a.id)).toBe(before);
    const dup = await importContactsDef.run(t.opA, { entity: t.a.internalName, rows: [row("dup@example.com"), row("DUP@example.com")] });
    expect(dup).toMatchObject({ ok: false, fieldErrors: { "rows.1.email": "This email is already on row 1 of this batch." } });
    expect(await countOf(t.a.id)).toBe(before);
  });

  it("takes at most 1,000 rows per call", async () => {
    const rows = (n: number, p: string) => Array.from({ length: n }, (_, i) => row(`${p}.${i}@example.com`));
    const before = await countOf(t.a.id);
    const tooMany = await importContactsDef.run(t.opA, { entity: t.a.internalName, rows: rows(1001, "over") });
    expect(tooMany).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { rows: "Send at most 1,000 contacts per call." } });
    expect(await countOf(t.a.id)).toBe(before);
    expect(await importContactsDef.run(t.opA, { entity: t.a.internalName, rows: [] })).toMatchObject({ ok: false, fieldErrors: { rows: "Send at least one contact." } });
    expect(await importContactsDef.run(t.opA, { entity: t.a.internalName, rows: rows(1000, "max") })).toEqual({ ok: true, data: { created: 1000, updated: 0 } });
    expect(await countOf(t.a.id)).toBe(before + 1000);
  });

  it("never touches another entity's contact with the same email", async () => {
    await getDb().insert(contacts).values({ entityId: t.b.id, email: "shared@example.com", firstName: "Bea", lastName: "B", status: "bounced", attributes: { city: "Lyon" } });
    const res = await importContactsDef.run(t.opA, {
      entity: t.a.internalName,
      rows: [row("shared@example.com", { firstName: "Alice", lastName: "A", status: "active", attributes: { city: "Paris" } })],
    });
    expect(res).toEqual({ ok: true, data: { created: 1, updated: 0 } });
    expect(await contactOf(t.b.id, "shared@example.com")).toMatchObject({ firstName: "Bea", status: "bounced", attributes: { city: "Lyon" } });
    expect(await contactOf(t.a.id, "shared@example.com")).toMatchObject({ firstName: "Alice", status: "active" });
    // Aimed at the other entity, the import is refused outright.
    const before = await countOf(t.b.id);
    expect(await importContactsDef.run(t.opA, { entity: t.b.internalName, rows: [row("x@example.com")] })).toMatchObject({ ok: false, code: "not_found" });
    expect(await countOf(t.b.id)).toBe(before);
  });
});

describe("contacts export", () => {
  it("writes only the entity's contacts, in chunks, quoted and without formulas", async () => {
    const t = await twoTenants();
    await getDb()
      .insert(contacts)
      .values([
        { entityId: t.a.id, email: "a1@example.com", firstName: "Zoë", lastName: 'O"Brien, Jr.', attributes: { city: "Paris", note: "two\nlines" } },
        { entityId: t.a.id, email: "a2@example.com", firstName: "=HYPERLINK(\"http://evil\")", lastName: "+33", status: "unsubscribed", attributes: { store: "@s1" } },
        { entityId: t.a.id, email: "a3@example.com", lastName: "-x", status: "bounced" },
        { entityId: t.b.id, email: "b1@example.com", lastName: "Other", attributes: { region: "south" } },
      ]);
    const chunks: string[] = [];
    for await (const chunk of contactsCsv(getDb(), t.a.id, 2)) chunks.push(chunk);
    expect(chunks).toHaveLength(3); // the header, then two chunks of at most 2 contacts
    const text = chunks.join("");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).not.toContain("b1@example.com");
    expect(text).not.toContain("region");
    expect(parseCsv(text).map((r) => r.fields)).toEqual([
      ["email", "firstName", "lastName", "status", "city", "note", "store"],
      ["a1@example.com", "Zoë", 'O"Brien, Jr.', "active", "Paris", "two\nlines", ""],
      ["a2@example.com", "'=HYPERLINK(\"http://evil\")", "'+33", "unsubscribed", "", "", "'@s1"],
      ["a3@example.com", "", "'-x", "bounced", "", "", ""],
    ]);
    expect(text).toContain('"O""Brien, Jr."');
    expect(text.split("\r\n")).toHaveLength(5);
  });

  it("writes a header alone for an entity without contacts", async () => {
    const t = await twoTenants();
    const chunks: string[] = [];
    for await (const chunk of contactsCsv(getDb(), t.a.id)) chunks.push(chunk);
    expect(chunks).toEqual(["\uFEFFemail,firstName,lastName,status\r\n"]);
  });
});

describe("contact status", () => {
  it("marks the entity's own contact unsubscribed, bounced or active again, and nobody else's", async () => {
    const t = await twoTenants();
    const [mine] = await getDb().insert(contacts).values({ entityId: t.a.id, email: "mine@example.com" }).returning();
    const [theirs] = await getDb().insert(contacts).values({ entityId: t.b.id, email: "theirs@example.com" }).returning();
    for (const status of ["unsubscribed", "bounced", "active"] as const) {
      expect(await setContactStatusDef.run(t.opA, { entity: t.a.internalName, contactId: mine!.id, status })).toEqual({ ok: true, data: { id: mine!.id, status } });
      expect((await contactOf(t.a.id, "mine@example.com"))!.status).toBe(status);
    }
    // Another entity's contact, named through one's own entity, does not exist.
    expect(await setContactStatusDef.run(t.opA, { entity: t.a.internalName, contactId: theirs!.id, status: "bounced" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await setContactStatusDef.run(t.opA, { entity: t.b.internalName, contactId: theirs!.id, status: "bounced" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await contactOf(t.b.id, "theirs@example.com"))!.status).toBe("active");
    expect(await setContactStatusDef.run(t.opA, { entity: t.a.internalName, contactId: mine!.id, status: "deleted" })).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
