import { eq, sql } from "drizzle-orm";
import { parseCrontab } from "graphile-worker";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { orders, technicalWorkflowRuns, technicalWorkflows } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { publishedPackage } from "../testing/order-factories";
import { runTechnicalWorkflowNowDef, setTechnicalWorkflowStatusDef } from "./actions";
import { technicalCrontab } from "./registry";
import { runTechnicalWorkflow } from "./runs";

const db = () => getDb();
const jobKeys = async (like: string) =>
  [...(await db().execute<{ key: string }>(sql`select key from graphile_worker._private_jobs where key like ${like}`))].map((r) => r.key);

describe("technical workflows", () => {
  let admin: Actor;
  beforeAll(async () => {
    admin = await actorFor((await createUser({ role: "central", isAdmin: true })).id);
  });

  it("schedules each built workflow on a crontab line with a stable identifier", () => {
    const items = parseCrontab(technicalCrontab());
    expect(items.map((i) => [i.identifier, i.task])).toEqual([["operationMgt", "run_technical_workflow"]]);
    expect(items[0]!.payload).toEqual({ workflow: "operationMgt", trigger: "schedule" });
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

  it("queues Run now once however often it is clicked, and refuses workflows not built yet", async () => {
    expect(await runTechnicalWorkflowNowDef.run(admin, { workflow: "operationMgt" })).toMatchObject({ ok: true });
    expect(await runTechnicalWorkflowNowDef.run(admin, { workflow: "operationMgt" })).toMatchObject({ ok: true });
    expect(await jobKeys("technical:operationMgt:manual")).toHaveLength(1);
    expect(await runTechnicalWorkflowNowDef.run(admin, { workflow: "budgetMgt" })).toMatchObject({ ok: false, code: "conflict", error: expect.stringMatching(/not built yet/) });
    const operator = await actorFor((await createUser({ role: "central" })).id);
    expect(await runTechnicalWorkflowNowDef.run(operator, { workflow: "operationMgt" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("closes a run the worker never finished before starting the next", async () => {
    const [stale] = await db().insert(technicalWorkflowRuns).values({ workflowId: "operationMgt", trigger: "schedule", startedAt: new Date(Date.now() - 2 * 3_600_000) }).returning();
    await runTechnicalWorkflow(db(), "operationMgt", "manual");
    const [closed] = await db().select().from(technicalWorkflowRuns).where(eq(technicalWorkflowRuns.id, stale!.id));
    expect(closed).toMatchObject({ outcome: "failed", error: expect.stringMatching(/Interrupted/) });
  });
});
