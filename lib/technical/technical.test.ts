import { eq, sql } from "drizzle-orm";
import { parseCrontab } from "graphile-worker";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, contacts, orders, technicalWorkflowRuns, technicalWorkflows, workflows } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { publishedPackage } from "../testing/order-factories";
import { runTechnicalWorkflowNowDef, setTechnicalWorkflowStatusDef } from "./actions";
import { technicalCrontab, technicalWorkflowList } from "./registry";
import { runTechnicalWorkflow } from "./runs";
import { linkActivities } from "../campaigns/workflow";
import { requestReferenceWorkflowCommandDef, requestWorkflowCommandDef } from "../workflows/actions";
import { carryOutWorkflowCommands } from "../workflows/commands";
import { advanceWorkflow } from "../execution/runner";

// operationMgt runs over the whole shared test database, so everything that runs it or waits on
// it lives in this one file, whose tests run one after another.
const db = () => getDb();
const jobKeys = async (like: string) =>
  [...(await db().execute<{ key: string }>(sql`select key from graphile_worker._private_jobs where key like ${like}`))].map((r) => r.key);

describe("technical workflows", () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = await actorFor((await createUser({ role: "central", isAdmin: true })).id);
  });

  it("schedules each workflow on a crontab line with a stable identifier", () => {
    const items = parseCrontab(technicalCrontab());
    const built = technicalWorkflowList.map((w) => w.id);
    expect(built).toEqual(["operationMgt", "deliveryMgt", "supplierMgt", "budgetMgt", "stockMgt"]);
    expect(items.map((i) => [i.identifier, i.task])).toEqual(built.map((id) => [id, "run_technical_workflow"]));
    expect(items.find((i) => i.identifier === "operationMgt")!.payload).toEqual({ workflow: "operationMgt", trigger: "schedule" });
  });

  it("operationMgt gives an overdue publication and an overdue Available their lost jobs back, once", async () => {
    const { pkg: approved } = await publishedPackage({ status: "approved" });
    const { pkg: published } = await publishedPackage();
    const [order] = await db().insert(orders).values({ packageId: published.id, entityId: (await createLocalEntity()).id, label: "Lost", status: "approved" }).returning();
    const first = await runTechnicalWorkflow(db(), "operationMgt", "manual");
    expect(first.ran).toBe(true);
    expect(await jobKeys(`package:${approved.id}:publish`)).toHaveLength(1);
    expect(await jobKeys(`order:${order!.id}:available`)).toHaveLength(1);
    const [run] = await db().select().from(technicalWorkflowRuns).where(eq(technicalWorkflowRuns.id, first.runId!));
    expect(run).toMatchObject({ outcome: "succeeded", trigger: "manual", error: null });
    expect(run!.itemsHandled).toBeGreaterThanOrEqual(2);
    // Run again: the jobs are there now, so nothing of these two is queued again.
    const second = await runTechnicalWorkflow(db(), "operationMgt", "manual");
    const [again] = await db().select().from(technicalWorkflowRuns).where(eq(technicalWorkflowRuns.id, second.runId!));
    expect(again!.itemsHandled).toBeLessThan(run!.itemsHandled);
    expect(await jobKeys(`package:${approved.id}:publish`)).toHaveLength(1);
  });

  it("skips scheduled runs while stopped, but runs when an administrator asks", async () => {
    expect(await setTechnicalWorkflowStatusDef.run(admin, { workflow: "operationMgt", status: "stopped" })).toMatchObject({ ok: true });
    expect(await runTechnicalWorkflow(db(), "operationMgt", "schedule")).toEqual({ ran: false });
    expect((await runTechnicalWorkflow(db(), "operationMgt", "manual")).ran).toBe(true);
    expect(await setTechnicalWorkflowStatusDef.run(admin, { workflow: "operationMgt", status: "started" })).toMatchObject({ ok: true });
    expect((await runTechnicalWorkflow(db(), "operationMgt", "schedule")).ran).toBe(true);
    expect((await db().query.technicalWorkflows.findFirst({ where: eq(technicalWorkflows.id, "operationMgt") }))!.updatedById).toBe(admin.userId);
  });

  it("queues Run now once however often it is clicked, for an administrator only", async () => {
    expect(await runTechnicalWorkflowNowDef.run(admin, { workflow: "operationMgt" })).toMatchObject({ ok: true });
    expect(await runTechnicalWorkflowNowDef.run(admin, { workflow: "operationMgt" })).toMatchObject({ ok: true });
    expect(await jobKeys("technical:operationMgt:manual")).toHaveLength(1);
    const operator = await actorFor((await createUser({ role: "central" })).id);
    expect(await runTechnicalWorkflowNowDef.run(operator, { workflow: "operationMgt" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("budgetMgt records a watermark: the first run is full, the next incremental from it", async () => {
    // Only this file runs budgetMgt through the run history: start it afresh.
    await db().delete(technicalWorkflowRuns).where(eq(technicalWorkflowRuns.workflowId, "budgetMgt"));
    const first = await runTechnicalWorkflow(db(), "budgetMgt", "manual");
    const second = await runTechnicalWorkflow(db(), "budgetMgt", "manual");
    const details = async (id: string) => (await db().query.technicalWorkflowRuns.findFirst({ where: eq(technicalWorkflowRuns.id, id) }))!;
    const a = await details(first.runId!);
    const b = await details(second.runId!);
    expect(a).toMatchObject({ outcome: "succeeded", details: { mode: "full" } });
    expect(b).toMatchObject({ outcome: "succeeded", details: { mode: "incremental" } });
  });

  it("closes a run the worker never finished before starting the next", async () => {
    const [stale] = await db().insert(technicalWorkflowRuns).values({ workflowId: "operationMgt", trigger: "schedule", startedAt: new Date(Date.now() - 2 * 3_600_000) }).returning();
    await runTechnicalWorkflow(db(), "operationMgt", "manual");
    const [closed] = await db().select().from(technicalWorkflowRuns).where(eq(technicalWorkflowRuns.id, stale!.id));
    expect(closed).toMatchObject({ outcome: "failed", error: expect.stringMatching(/Interrupted/) });
  });
});


// A Wait keeps the workflow running after its Query, so that it can be paused and stopped.
const activities = linkActivities([{ kind: "query", label: "Targeting" }, { kind: "wait", label: "A day" }, { kind: "end", label: "End" }]).map((a) =>
  a.kind === "wait" ? { ...a, waitMinutes: 24 * 60 } : a,
);
const workflowOf = async (campaignId: string) => (await db().select().from(workflows).where(eq(workflows.campaignId, campaignId)))[0]!;
// Commands, then the activities of the workflows they started (what one operationMgt run does).
const carryOut = () =>
  db().transaction(async (tx) => {
    const pending = await tx.select({ id: workflows.id }).from(workflows).where(sql`${workflows.pendingCommand} is not null`);
    await carryOutWorkflowCommands(tx);
    for (const w of pending) await advanceWorkflow(tx, w.id);
  });

async function entityCampaign() {
  const e = await createLocalEntity();
  const op = await actorFor((await createUser({ role: "local", entityIds: [e.id] })).id);
  const [c] = await db().insert(campaigns).values({ label: "Local", internalName: `local-${Date.now()}-${Math.random()}`, entityId: e.id }).returning();
  await db().insert(workflows).values({ campaignId: c!.id, label: "Main", activities, targeting: [{ field: "city", operator: "equals", value: "Lille" }] });
  await db().insert(contacts).values([
    { entityId: e.id, email: "a@x.test", attributes: { city: "Lille" } },
    { entityId: e.id, email: "b@x.test", attributes: { city: "Lille" } },
    { entityId: e.id, email: "c@x.test", attributes: { city: "Paris" } },
  ]);
  return { e, op, campaignId: c!.id };
}

describe("workflow commands", () => {
  it("starts asynchronously: Start pending, then started by operationMgt with the Query's population", async () => {
    const { e, op, campaignId } = await entityCampaign();
    expect(await requestWorkflowCommandDef.run(op, { entity: e.internalName, campaignId, command: "start" })).toMatchObject({ ok: true });
    expect(await workflowOf(campaignId)).toMatchObject({ status: "start_pending", pendingCommand: "start" });
    // operationMgt is asked to run soon rather than at its next slot.
    const queued = await db().execute(sql`select 1 from graphile_worker._private_jobs where key = 'technical:operationMgt:command'`);
    expect([...queued]).toHaveLength(1);
    // A second start while one waits is refused.
    expect(await requestWorkflowCommandDef.run(op, { entity: e.internalName, campaignId, command: "start" })).toMatchObject({ ok: false, code: "conflict" });
    await carryOut();
    const wf = await workflowOf(campaignId);
    expect(wf).toMatchObject({ status: "started", pendingCommand: null, populations: { [activities[0]!.id]: 2 } });
    expect(wf.runState.waiting).toHaveProperty(activities[1]!.id);
    expect((await db().query.campaigns.findFirst({ where: eq(campaigns.id, campaignId) }))!.status).toBe("started");

    expect(await requestWorkflowCommandDef.run(op, { entity: e.internalName, campaignId, command: "pause" })).toMatchObject({ ok: true });
    expect((await workflowOf(campaignId)).status).toBe("started");
    await carryOut();
    expect((await workflowOf(campaignId)).status).toBe("paused");
    expect(await requestWorkflowCommandDef.run(op, { entity: e.internalName, campaignId, command: "stop" })).toMatchObject({ ok: true });
    await carryOut();
    expect(await workflowOf(campaignId)).toMatchObject({ status: "stopped", pendingCommand: null });
    expect(await requestWorkflowCommandDef.run(op, { entity: e.internalName, campaignId, command: "start" })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("refuses another entity's campaign, and the central route for an entity's campaign, changing nothing", async () => {
    const { campaignId } = await entityCampaign();
    const other = await entityCampaign();
    expect(await requestWorkflowCommandDef.run(other.op, { entity: other.e.internalName, campaignId, command: "start" })).toMatchObject({ ok: false, code: "not_found" });
    const central = await actorFor((await createUser({ role: "central" })).id);
    expect(await requestReferenceWorkflowCommandDef.run(central, { campaignId, command: "start" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await workflowOf(campaignId)).status).toBe("being_edited");
  });

  it("counts a reference campaign's population over the entities subscribed to it", async () => {
    const { pkg, campaign } = await publishedPackage({ targeting: [{ field: "city", operator: "equals", value: "Lille" }] });
    await db().update(workflows).set({ status: "being_edited", activities }).where(eq(workflows.campaignId, campaign.id));
    const [a, b, c] = [await createLocalEntity(), await createLocalEntity(), await createLocalEntity()];
    await db().insert(contacts).values([
      { entityId: a.id, email: "1@a.test", attributes: { city: "Lille" } },
      { entityId: b.id, email: "1@b.test", attributes: { city: "Lille" } },
      { entityId: c.id, email: "1@c.test", attributes: { city: "Lille" } },
    ]);
    await db().insert(orders).values([
      { packageId: pkg.id, entityId: a.id, label: "A", status: "available" },
      { packageId: pkg.id, entityId: b.id, label: "B", status: "approved" },
      { packageId: pkg.id, entityId: c.id, label: "C", status: "rejected" },
    ]);
    const central = await actorFor((await createUser({ role: "central" })).id);
    expect(await requestReferenceWorkflowCommandDef.run(central, { campaignId: campaign.id, command: "start" })).toMatchObject({ ok: true });
    await carryOut();
    expect((await workflowOf(campaign.id)).populations).toMatchObject({ [activities[0]!.id]: 2 });
  });
});

describe("operationMgt and recurring campaigns", () => {
  it("starts a recurring model without targeting anything on it, then creates its occurrence and starts that in one run", async () => {
    const [clock] = await db().execute<{ now: string | Date }>(sql`select now() as now`);
    const now = new Date(clock!.now);
    const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const city = `Recurring-${Date.now()}`;
    await db().insert(contacts).values({ entityId: (await createLocalEntity()).id, email: `${city.toLowerCase()}@a.test`, attributes: { city } });
    const [model] = await db()
      .insert(campaigns)
      .values({ label: "Daily", internalName: `daily-${Date.now()}`, type: "recurring", recurrence: { every: 1, unit: "day" }, startDate: today, endDate: new Date(today.getTime() + 5 * 86_400_000) })
      .returning();
    await db().insert(workflows).values({ campaignId: model!.id, label: "Main", activities, targeting: [{ field: "city", operator: "equals", value: city }] });
    const central = await actorFor((await createUser({ role: "central" })).id);
    expect(await requestReferenceWorkflowCommandDef.run(central, { campaignId: model!.id, command: "start" })).toMatchObject({ ok: true });

    // First run: the model is Started, its Query not run (its occurrences target, not it).
    await runTechnicalWorkflow(db(), "operationMgt", "manual");
    expect(await workflowOf(model!.id)).toMatchObject({ status: "started", pendingCommand: null, populations: {} });
    expect((await db().query.campaigns.findFirst({ where: eq(campaigns.id, model!.id) }))!.status).toBe("started");

    // Next run: today's occurrence, started in that same run, its Query run.
    const { runId } = await runTechnicalWorkflow(db(), "operationMgt", "manual");
    const [run] = await db().select().from(technicalWorkflowRuns).where(eq(technicalWorkflowRuns.id, runId!));
    expect(run).toMatchObject({ outcome: "succeeded", details: expect.objectContaining({ occurrences: expect.any(Number) }) });
    const occurrences = await db().select().from(campaigns).where(eq(campaigns.occurrenceOf, model!.id));
    expect(occurrences).toHaveLength(1);
    expect(occurrences[0]).toMatchObject({ status: "started", occurrenceAt: today });
    expect(await workflowOf(occurrences[0]!.id)).toMatchObject({ status: "started", pendingCommand: null, populations: { [activities[0]!.id]: 1 } });
    expect((await workflowOf(model!.id)).populations).toEqual({});

    await runTechnicalWorkflow(db(), "operationMgt", "manual");
    expect(await db().select().from(campaigns).where(eq(campaigns.occurrenceOf, model!.id))).toHaveLength(1);
  });
});
