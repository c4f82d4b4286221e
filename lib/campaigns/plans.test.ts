import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { programs } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createUser, uniq } from "../testing/factories";
import { createPlanDef, createProgramDef } from "./actions";

describe("plans and programs", () => {
  let central: Actor;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
  });

  it("creates a plan, then a program in it", async () => {
    const plan = await createPlanDef.run(central, { label: "  Yearly plan  " });
    expect(plan).toMatchObject({ ok: true });
    const planId = (plan as { data: { id: string } }).data.id;
    const label = uniq("Program");
    const program = await createProgramDef.run(central, { planId, label });
    expect(program).toMatchObject({ ok: true });
    const saved = await getDb().query.programs.findFirst({ where: eq(programs.label, label) });
    expect(saved!.planId).toBe(planId);
  });

  it("refuses a program without a plan, or with a plan that does not exist", async () => {
    expect(await createProgramDef.run(central, { planId: "", label: "Orphan" })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { planId: "Choose a plan." },
    });
    const label = uniq("Orphan");
    expect(await createProgramDef.run(central, { planId: "00000000-0000-4000-8000-000000000000", label })).toMatchObject({
      ok: false,
      fieldErrors: { planId: "Choose an existing plan." },
    });
    expect(await getDb().query.programs.findFirst({ where: eq(programs.label, label) })).toBeUndefined();
  });

  it("needs a label", async () => {
    expect(await createPlanDef.run(central, { label: " " })).toMatchObject({ ok: false, fieldErrors: { label: "Enter a label." } });
  });
});
