import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { budgets, campaigns, plans, programs } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { createPlanDef, createProgramDef, updatePlanDef, updateProgramDef } from "../campaigns/actions";
import { twoTenants, uniq } from "../testing/factories";

// The budget a plan or program charges (§9), chosen when it is created and changed afterwards.
describe("the budget of plans and programs", () => {
  let central: Actor;
  let local: Actor;
  let budgetA: string;
  let budgetB: string;
  beforeAll(async () => {
    const t = await twoTenants();
    central = t.central;
    local = t.opA;
    const rows = await getDb().insert(budgets).values([{ label: uniq("A") }, { label: uniq("B") }]).returning();
    [budgetA, budgetB] = rows.map((r) => r.id) as [string, string];
  });

  const idOf = (res: unknown) => (res as { data: { id: string } }).data.id;
  const planOf = async (id: string) => (await getDb().query.plans.findFirst({ where: eq(plans.id, id) }))!;
  const programOf = async (id: string) => (await getDb().query.programs.findFirst({ where: eq(programs.id, id) }))!;

  it("saves the budget chosen for a new plan and a new program, and none when none is chosen", async () => {
    const plan = idOf(await createPlanDef.run(central, { label: uniq("Plan"), budgetId: budgetA }));
    expect((await planOf(plan)).budgetId).toBe(budgetA);
    const program = idOf(await createProgramDef.run(central, { planId: plan, label: uniq("Program"), budgetId: budgetB }));
    expect((await programOf(program)).budgetId).toBe(budgetB);
    const plain = idOf(await createProgramDef.run(central, { planId: plan, label: uniq("Program"), budgetId: "" }));
    expect((await programOf(plain)).budgetId).toBeNull();
  });

  it("changes a plan's and a program's budget, and their campaigns are stamped for budgetMgt", async () => {
    const plan = idOf(await createPlanDef.run(central, { label: uniq("Plan") }));
    const program = idOf(await createProgramDef.run(central, { planId: plan, label: uniq("Program") }));
    const old = new Date("2020-01-01T00:00:00Z");
    const [campaign] = await getDb().insert(campaigns).values({ label: uniq("C"), internalName: uniq("c"), programId: program }).returning();
    await getDb().update(campaigns).set({ costChangedAt: old }).where(eq(campaigns.id, campaign!.id));

    const label = uniq("Renamed program");
    expect(await updateProgramDef.run(central, { id: program, planId: plan, label, budgetId: budgetA })).toMatchObject({ ok: true, data: { id: program } });
    expect(await programOf(program)).toMatchObject({ label, budgetId: budgetA, planId: plan });
    const stamped = (await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, campaign!.id) }))!.costChangedAt;
    expect(stamped.getTime()).toBeGreaterThan(old.getTime());

    expect(await updatePlanDef.run(central, { id: plan, label: "Plan 2030", budgetId: budgetB })).toMatchObject({ ok: true });
    expect(await planOf(plan)).toMatchObject({ label: "Plan 2030", budgetId: budgetB });
    expect(await updatePlanDef.run(central, { id: plan, label: "Plan 2030", budgetId: "" })).toMatchObject({ ok: true });
    expect((await planOf(plan)).budgetId).toBeNull();
  });

  it("refuses a budget that does not exist, on the budget field, changing nothing", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const label = uniq("Plan");
    expect(await createPlanDef.run(central, { label, budgetId: missing })).toMatchObject({ ok: false, fieldErrors: { budgetId: "Choose an existing budget." } });
    expect(await getDb().query.plans.findFirst({ where: eq(plans.label, label) })).toBeUndefined();

    const plan = idOf(await createPlanDef.run(central, { label: uniq("Plan"), budgetId: budgetA }));
    const program = idOf(await createProgramDef.run(central, { planId: plan, label: uniq("Program"), budgetId: budgetA }));
    expect(await updateProgramDef.run(central, { id: program, planId: plan, label: "X", budgetId: missing })).toMatchObject({ ok: false, fieldErrors: { budgetId: "Choose an existing budget." } });
    expect(await updateProgramDef.run(central, { id: program, planId: plan, label: "X", budgetId: "not-an-id" })).toMatchObject({
      ok: false,
      fieldErrors: { budgetId: "Choose a budget from the list." },
    });
    expect(await programOf(program)).toMatchObject({ budgetId: budgetA });
    expect(await updatePlanDef.run(central, { id: missing, label: "X", budgetId: "" })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("is for central operators only", async () => {
    const plan = idOf(await createPlanDef.run(central, { label: uniq("Plan"), budgetId: budgetA }));
    expect(await updatePlanDef.run(local, { id: plan, label: "Mine", budgetId: budgetB })).toMatchObject({ ok: false, code: "not_found" });
    expect(await planOf(plan)).toMatchObject({ budgetId: budgetA });
  });
});
