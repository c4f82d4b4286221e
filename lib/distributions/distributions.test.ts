import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { dataDistributionRows, dataDistributions, entities } from "../../db/schema";
import { twoTenants, uniq } from "../testing/factories";
import { createDistributionDef, updateDistributionDef } from "./actions";
import { getDistributionForEdit, listDistributions } from "./queries";
import type { DistributionInput } from "./schemas";

const idOf = (res: unknown) => (res as { data: { id: string } }).data.id;
const rowsOf = (id: string) =>
  getDb()
    .select({ position: dataDistributionRows.position, value: dataDistributionRows.value, entityId: dataDistributionRows.entityId, limit: dataDistributionRows.limit, label: dataDistributionRows.label })
    .from(dataDistributionRows)
    .where(eq(dataDistributionRows.distributionId, id))
    .orderBy(asc(dataDistributionRows.position));

describe("data distribution templates", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let form: (over?: Partial<DistributionInput>) => DistributionInput;
  beforeAll(async () => {
    t = await twoTenants();
    form = (over = {}) => ({
      label: uniq("By region"),
      field: "region",
      type: "fixed_size",
      assignment: "local_entity",
      approveTargeted: true,
      rows: [
        { value: "North", entityId: t.a.id, limit: 0, label: "North stores" },
        { value: " South ", entityId: t.b.id, limit: 250, label: "" },
      ],
      ...over,
    });
  });

  it("creates a distribution with its rows in order, then edits it", async () => {
    const input = form();
    const res = await createDistributionDef.run(t.central, input);
    expect(res).toMatchObject({ ok: true });
    const id = idOf(res);
    expect(await getDb().query.dataDistributions.findFirst({ where: eq(dataDistributions.id, id) })).toMatchObject({
      label: input.label,
      field: "region",
      type: "fixed_size",
      assignment: "local_entity",
      approveTargeted: true,
    });
    expect(await rowsOf(id)).toEqual([
      { position: 0, value: "North", entityId: t.a.id, limit: 0, label: "North stores" },
      { position: 1, value: "South", entityId: t.b.id, limit: 250, label: "" },
    ]);

    const edited = form({
      label: input.label,
      field: "entity",
      type: "percentage",
      approveTargeted: false,
      rows: [
        { value: t.b.internalName, entityId: t.b.id, limit: 100, label: "All of B" },
        { value: t.a.internalName, entityId: t.a.id, limit: 25, label: "A quarter of A" },
      ],
    });
    expect(await updateDistributionDef.run(t.central, { ...edited, id })).toMatchObject({ ok: true, data: { id } });
    expect(await rowsOf(id)).toEqual([
      { position: 0, value: t.b.internalName, entityId: t.b.id, limit: 100, label: "All of B" },
      { position: 1, value: t.a.internalName, entityId: t.a.id, limit: 25, label: "A quarter of A" },
    ]);
    expect((await getDistributionForEdit(getDb(), id))!.values).toEqual(edited);
    const listed = await listDistributions(getDb(), { page: 1, perPage: 20, sort: "label", desc: false, q: input.label, type: "percentage" });
    expect(listed).toMatchObject({ total: 1, rows: [{ id, field: "entity", type: "percentage", approveTargeted: false, rows: 2 }] });
  });

  it("refuses bad rows on the row itself, and saves nothing", async () => {
    const label = uniq("Refused");
    const [central] = await getDb().select({ id: entities.id }).from(entities).where(eq(entities.kind, "central")).limit(1);
    const row = (value: string, limit = 0, entityId = t.a.id) => ({ value, entityId, limit, label: "" });
    const cases: [Partial<DistributionInput>, Record<string, string>][] = [
      [{ label: "" }, { label: "Enter a label." }],
      [{ field: " " }, { field: "Enter the distribution field: a contact attribute, or entity." }],
      [{ rows: [] }, { rows: "Add at least one row." }],
      [{ rows: [row("North"), row("South"), row("north")] }, { "rows.2.value": "Row 1 already uses this value: each value goes to one row." }],
      [{ type: "percentage", rows: [row("North", 100), row("South", 101)] }, { "rows.1.limit": "A percentage is at most 100." }],
      [{ rows: [row("North", -1)] }, { "rows.0.limit": "Use 0 (every record) or more." }],
      [{ rows: [row("North", 1.5)] }, { "rows.0.limit": "Enter a whole number: 0 means every record." }],
      [{ rows: [row("")] }, { "rows.0.value": "Enter the value." }],
      [{ rows: [row("North", 0, "")] }, { "rows.0.entityId": "Choose a local entity." }],
    ];
    if (central) cases.push([{ rows: [row("North"), row("HQ", 0, central.id)] }, { "rows.1.entityId": "Choose a local entity." }]);
    cases.push([{ rows: [row("North", 0, "00000000-0000-4000-8000-000000000000")] }, { "rows.0.entityId": "Choose a local entity." }]);
    for (const [over, fieldErrors] of cases) {
      const res = await createDistributionDef.run(t.central, form({ label, ...over }));
      expect(res, JSON.stringify(over)).toEqual({ ok: false, code: "invalid_input", error: "Some fields need your attention.", fieldErrors });
    }
    expect(await getDb().select().from(dataDistributions).where(eq(dataDistributions.label, label))).toEqual([]);
  });

  it("keeps the saved rows when an edit is refused, and answers not found for a missing distribution", async () => {
    const id = idOf(await createDistributionDef.run(t.central, form()));
    const before = await rowsOf(id);
    const res = await updateDistributionDef.run(t.central, { ...form({ rows: [{ value: "East", entityId: "00000000-0000-4000-8000-000000000000", limit: 0, label: "" }] }), id });
    expect(res).toMatchObject({ ok: false, fieldErrors: { "rows.0.entityId": "Choose a local entity." } });
    expect(await rowsOf(id)).toEqual(before);
    expect(await updateDistributionDef.run(t.central, { ...form(), id: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses local operators", async () => {
    const label = uniq("Local");
    expect(await createDistributionDef.run(t.opA, form({ label }))).toMatchObject({ ok: false, code: "not_found" });
    const id = idOf(await createDistributionDef.run(t.central, form()));
    expect(await updateDistributionDef.run(t.opA, { ...form({ label }), id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await getDb().select().from(dataDistributions).where(eq(dataDistributions.label, label))).toEqual([]);
  });
});
