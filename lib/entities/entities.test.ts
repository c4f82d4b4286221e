import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { entities, entityGroupMembers, entityMemberships } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createLocalEntity, createUser, uniq } from "../testing/factories";
import { createEntity, importEntitiesAction, updateEntity } from "./actions";

const blank = { email: "", phone: "", address: "", parentId: "", members: [] as string[], packageNotification: [] as string[], orderReviewers: [] as string[], campaignReviewers: [] as string[] };

describe("local entities", () => {
  let central: Actor;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
  });

  it("creates an entity with its operators and three groups", async () => {
    const ops = [await createUser({ role: "local" }), await createUser({ role: "local" })];
    const name = uniq("north").toLowerCase();
    const res = await createEntity.run(central, {
      ...blank,
      label: "North",
      internalName: name,
      email: "north@test.local",
      members: ops.map((o) => o.id),
      packageNotification: [ops[0]!.id],
      orderReviewers: [ops[1]!.id],
      campaignReviewers: [ops[0]!.id, ops[1]!.id],
    });
    expect(res.ok).toBe(true);
    const id = (res as { data: { id: string } }).data.id;
    const db = getDb();
    expect(await db.select().from(entityMemberships).where(eq(entityMemberships.entityId, id))).toHaveLength(2);
    const groups = await db.select().from(entityGroupMembers).where(eq(entityGroupMembers.entityId, id));
    expect(groups.map((g) => g.group).sort()).toEqual(["campaign_reviewers", "campaign_reviewers", "order_reviewers", "package_notification"]);
  });

  it("puts each error on its field and saves nothing", async () => {
    const stranger = await createUser({ role: "local" });
    const res = await createEntity.run(central, { ...blank, label: "", internalName: "Bad Name!", email: "nope", orderReviewers: [stranger.id] });
    expect(res).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: {
        label: "Enter a label.",
        internalName: "Use lower-case letters, digits and single hyphens, like paris-north.",
        email: "Enter a valid email address, or leave it empty.",
        orderReviewers: "Only operators of this entity can be in its groups.",
      },
    });
  });

  it("refuses a duplicate internal name and a central user as member", async () => {
    const existing = await createLocalEntity();
    expect(await createEntity.run(central, { ...blank, label: "Dup", internalName: existing.internalName })).toMatchObject({
      ok: false,
      fieldErrors: { internalName: "Another entity already uses this internal name." },
    });
    const centralUser = await createUser({ role: "central" });
    expect(await createEntity.run(central, { ...blank, label: "C", internalName: uniq("c"), members: [centralUser.id] })).toMatchObject({
      ok: false,
      fieldErrors: { members: "Choose local operators only." },
    });
  });

  it("refuses a parent that would make a cycle, and keeps the saved data", async () => {
    const region = await createLocalEntity();
    const branch = await createLocalEntity();
    const asChild = await updateEntity.run(central, { ...blank, id: branch.id, label: branch.label, internalName: branch.internalName, parentId: region.id });
    expect(asChild.ok).toBe(true);
    const cycle = await updateEntity.run(central, { ...blank, id: region.id, label: "Changed", internalName: region.internalName, parentId: branch.id });
    expect(cycle).toMatchObject({ ok: false, fieldErrors: { parentId: "An entity cannot be its own parent or ancestor." } });
    const saved = await getDb().query.entities.findFirst({ where: eq(entities.id, region.id) });
    expect(saved!.label).toBe(region.label);
  });
});

describe("CSV import of entities", () => {
  let central: Actor;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
  });
  const row = (internalName: string, extra: Record<string, string> = {}) => ({ label: `L ${internalName}`, internalName, email: "", phone: "", address: "", parent: "", ...extra });

  it("reports each problem on its line and imports nothing", async () => {
    const ok = uniq("ok");
    const existing = await createLocalEntity();
    const res = await importEntitiesAction.run(central, {
      rows: [row(ok), row("Bad Name"), row(ok), row(existing.internalName), row(uniq("orphan"), { parent: "no-such-parent" }), row(uniq("m"), { email: "x@" })],
    });
    expect(res.ok).toBe(true);
    const { created, errors } = (res as { data: { created: number; errors: { row: number; field: string }[] } }).data;
    expect(created).toBe(0);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, "internalName"],
      [4, "internalName"],
      [5, "internalName"],
      [6, "parent"],
      [7, "email"],
    ]);
    expect(await getDb().query.entities.findFirst({ where: eq(entities.internalName, ok) })).toBeUndefined();
  });

  it("imports a valid file, with parents named earlier, later or already existing", async () => {
    const existing = await createLocalEntity();
    const [region, a, b] = [uniq("region"), uniq("a"), uniq("b")];
    const res = await importEntitiesAction.run(central, {
      rows: [row(a, { parent: region }), row(region, { parent: existing.internalName }), row(b, { parent: region, email: "b@test.local" })],
    });
    expect(res).toMatchObject({ ok: true, data: { created: 3, errors: [] } });
    const db = getDb();
    const regionRow = await db.query.entities.findFirst({ where: eq(entities.internalName, region) });
    const aRow = await db.query.entities.findFirst({ where: eq(entities.internalName, a) });
    expect(regionRow!.parentId).toBe(existing.id);
    expect(aRow!.parentId).toBe(regionRow!.id);
  });
});

describe("entity races and loops", () => {
  it("gives one of two concurrent creations of the same internal name a field error, not a crash", async () => {
    const central = await actorFor((await createUser({ role: "central" })).id);
    const name = uniq("race").toLowerCase();
    const results = await Promise.all([1, 2, 3].map(() => createEntity.run(central, { ...blank, label: "Race", internalName: name })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ code: "invalid_input", fieldErrors: { internalName: "Another entity already uses this internal name." } });
    }
  });

  it("refuses a CSV whose parents form a loop", async () => {
    const central = await actorFor((await createUser({ role: "central" })).id);
    const [a, b] = [uniq("loop-a"), uniq("loop-b")];
    const row = (n: string, parent: string) => ({ label: n, internalName: n, email: "", phone: "", address: "", parent });
    const res = await importEntitiesAction.run(central, { rows: [row(a, b), row(b, a)] });
    expect(res).toMatchObject({ ok: true, data: { created: 0, errors: [{ row: 2, field: "parent", message: "These parents form a loop." }, { row: 3, field: "parent" }] } });
  });
});
