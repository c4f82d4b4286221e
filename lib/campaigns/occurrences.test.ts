import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, deliveries, workflows, type Recurrence, type WorkflowActivity } from "../../db/schema";
import { createCampaignTemplate, createProgram, uniq } from "../testing/factories";
import { createDueOccurrences } from "./occurrences";

// createDueOccurrences runs over the whole shared test database; no other test file makes
// recurring or periodic models, so what it creates here is this file's. operationMgt (run by
// technical.test.ts at the same time) may create the same occurrences first: the assertions are
// on the rows, which are the same whoever made them. What a recurring occurrence looks like
// before operationMgt carries out its start is read in the transaction that made it.
const db = () => getDb();
const DAY = 86_400_000;

describe("occurrences of recurring and periodic campaigns", () => {
  let today: Date;
  let refs: { programId: string; templateId: string };
  const at = (days: number) => new Date(today.getTime() + days * DAY);
  const iso = (x: Date) => x.toISOString().slice(0, 10);

  beforeAll(async () => {
    const [clock] = await db().execute<{ now: string | Date }>(sql`select now() as now`);
    const now = new Date(clock!.now);
    today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const { program } = await createProgram();
    refs = { programId: program.id, templateId: (await createCampaignTemplate()).id };
  });

  /** A model: Query → Delivery (its first delivery) → End, with two deliveries. */
  async function model(opts: { type: "recurring" | "periodic"; recurrence: Recurrence; start: Date; end: Date | null; status?: "started" | "being_edited"; workflowStatus?: "started" | "paused" | "being_edited" }) {
    const [m] = await db()
      .insert(campaigns)
      .values({
        label: uniq("Weekly news"),
        internalName: uniq("weekly").toLowerCase(),
        ...refs,
        type: opts.type,
        recurrence: opts.recurrence,
        startDate: opts.start,
        endDate: opts.end,
        status: opts.status ?? "started",
        content: { subject: "News", body: "Hello {{firstName}}" },
        typology: { pressure: { maxMessages: 2, days: 7 }, excludeUnsubscribed: true, excludeBounced: false, controlGroupPercent: 10 },
        personalization: { storeName: "Lille" },
      })
      .returning();
    const [w] = await db()
      .insert(workflows)
      .values({ campaignId: m!.id, label: "Main", status: opts.workflowStatus ?? "started", targeting: [{ field: "city", operator: "equals", value: "Lille" }], scheduledAt: new Date(opts.start.getTime() + 9 * 3_600_000), populations: { q: 12 } })
      .returning();
    const [email, letter] = await db()
      .insert(deliveries)
      .values([
        { campaignId: m!.id, workflowId: w!.id, label: "Email", status: "pending_confirmation", subject: "News", body: "Hi", approvalKinds: ["content"], approvalDays: 2, reminderHours: [12, 24], scheduledAt: new Date(opts.start.getTime() + 10 * 3_600_000), ratePerSecond: 5 },
        { campaignId: m!.id, workflowId: w!.id, label: "Letter", channel: "direct_mail", status: "finished", subject: "", body: "Dear" },
      ])
      .returning();
    const activities: WorkflowActivity[] = [
      { id: "q", kind: "query", label: "Targeting", next: ["d"], x: 10, y: 20 },
      { id: "d", kind: "delivery", label: "Email", next: ["e"], deliveryId: email!.id },
      { id: "e", kind: "end", label: "End", next: [] },
    ];
    await db().update(workflows).set({ activities }).where(eq(workflows.id, w!.id));
    return { model: m!, workflow: { ...w!, activities }, email: email!, letter: letter! };
  }

  const occurrencesOf = (modelId: string) => db().select().from(campaigns).where(eq(campaigns.occurrenceOf, modelId)).orderBy(asc(campaigns.occurrenceAt));

  it("creates the current period's occurrence once, copying the campaign, its workflow and its deliveries", async () => {
    const daily = await model({ type: "recurring", recurrence: { every: 1, unit: "day" }, start: at(-3), end: at(10) });
    const weekly = await model({ type: "periodic", recurrence: { every: 1, unit: "week" }, start: at(-8), end: null });

    // Read inside the transaction that made them, before any operationMgt run can start them.
    await db().transaction(async (tx) => {
      await createDueOccurrences(tx);
      const [occ, ...more] = await tx.select().from(campaigns).where(eq(campaigns.occurrenceOf, daily.model.id));
      expect(more).toHaveLength(0);
      expect(occ).toMatchObject({
        label: `${daily.model.label} · ${iso(today)}`,
        internalName: `${daily.model.internalName}-${iso(today).replaceAll("-", "")}`,
        type: "unique",
        recurrence: null,
        status: "being_edited",
        programId: refs.programId,
        templateId: refs.templateId,
        entityId: null,
        content: daily.model.content,
        typology: daily.model.typology,
        personalization: { storeName: "Lille" },
        occurrenceAt: today,
        startDate: today,
        endDate: today,
      });

      // The workflow: same activity ids and targeting, a fresh run waiting to start, the delivery
      // remapped to its copy, dates moved by the three days between the model's start and today.
      const [flow, ...otherFlows] = await tx.select().from(workflows).where(eq(workflows.campaignId, occ!.id));
      expect(otherFlows).toHaveLength(0);
      expect(flow).toMatchObject({ status: "start_pending", pendingCommand: "start", populations: {}, runState: { done: [], waiting: {} }, targeting: daily.workflow.targeting });
      expect(flow!.id).not.toBe(daily.workflow.id);
      expect(flow!.scheduledAt!.getTime()).toBe(daily.workflow.scheduledAt!.getTime() + 3 * DAY);
      expect(flow!.activities.map((a) => [a.id, a.kind, a.label, a.next])).toEqual(daily.workflow.activities.map((a) => [a.id, a.kind, a.label, a.next]));
      expect(flow!.activities[0]).toMatchObject({ x: 10, y: 20 });

      const [email, letter, ...extra] = await tx.select().from(deliveries).where(eq(deliveries.campaignId, occ!.id)).orderBy(asc(deliveries.label));
      expect(extra).toHaveLength(0);
      expect(email!.id).not.toBe(daily.email.id);
      expect(flow!.activities.find((a) => a.id === "d")!.deliveryId).toBe(email!.id);
      // Approved on the model, approved on the occurrence; a status of the model's run starts over.
      expect(email).toMatchObject({ label: "Email", workflowId: flow!.id, channel: "email", status: "pending_confirmation", subject: "News", body: "Hi", approvalKinds: ["content"], approvalDays: 2, reminderHours: [12, 24], ratePerSecond: 5, reachedAt: null, startedAt: null });
      expect(email!.scheduledAt!.getTime()).toBe(daily.email.scheduledAt!.getTime() + 3 * DAY);
      expect(letter).toMatchObject({ label: "Letter", workflowId: flow!.id, channel: "direct_mail", status: "being_edited", body: "Dear" });
    });

    // The model's own workflow and deliveries are untouched.
    expect((await db().select().from(deliveries).where(eq(deliveries.campaignId, daily.model.id))).map((d) => d.id).sort()).toEqual([daily.email.id, daily.letter.id].sort());
    expect((await db().select().from(workflows).where(eq(workflows.campaignId, daily.model.id)))[0]).toMatchObject({ status: "started", populations: { q: 12 } });

    // Periodic: the current week's occurrence, Being edited for the operators.
    const weeklyOccs = await occurrencesOf(weekly.model.id);
    expect(weeklyOccs).toHaveLength(1);
    expect(weeklyOccs[0]).toMatchObject({ status: "being_edited", startDate: at(-1), endDate: at(5) });
    const [weeklyFlow] = await db().select().from(workflows).where(eq(workflows.campaignId, weeklyOccs[0]!.id));
    expect(weeklyFlow).toMatchObject({ status: "being_edited", pendingCommand: null });

    // Run again: nothing new.
    expect(await db().transaction((tx) => createDueOccurrences(tx))).toEqual({ occurrences: 0 });
    expect(await occurrencesOf(daily.model.id)).toHaveLength(1);
    expect(await occurrencesOf(weekly.model.id)).toHaveLength(1);
    const [occ] = await occurrencesOf(daily.model.id);
    expect(await db().select().from(workflows).where(eq(workflows.campaignId, occ!.id))).toHaveLength(1);
    expect(await db().select().from(deliveries).where(eq(deliveries.campaignId, occ!.id))).toHaveLength(2);
  });

  it("skips models not Started, paused ones, periods not begun yet and periods over by the end date", async () => {
    const notStarted = await model({ type: "recurring", recurrence: { every: 1, unit: "day" }, start: at(-3), end: null, status: "being_edited", workflowStatus: "being_edited" });
    const paused = await model({ type: "recurring", recurrence: { every: 1, unit: "day" }, start: at(-3), end: null, workflowStatus: "paused" });
    const future = await model({ type: "periodic", recurrence: { every: 1, unit: "month" }, start: at(1), end: at(90) });
    const over = await model({ type: "recurring", recurrence: { every: 1, unit: "day" }, start: at(-5), end: at(-2) });
    // Its last week began before the end date: it runs its course, ending on the end date.
    const lastWeek = await model({ type: "periodic", recurrence: { every: 1, unit: "week" }, start: at(-3), end: at(-1) });
    await db().transaction((tx) => createDueOccurrences(tx));
    for (const m of [notStarted, paused, future, over]) expect(await occurrencesOf(m.model.id)).toHaveLength(0);
    const [last, ...more] = await occurrencesOf(lastWeek.model.id);
    expect(more).toHaveLength(0);
    expect(last).toMatchObject({ startDate: at(-3), endDate: at(-1), occurrenceAt: at(-3) });
  });

  it("keeps the unique (model, period) pair: a second insert for the same period is refused", async () => {
    const daily = await model({ type: "periodic", recurrence: { every: 1, unit: "day" }, start: at(0), end: null });
    await db().transaction((tx) => createDueOccurrences(tx));
    const [occ] = await occurrencesOf(daily.model.id);
    const clash = db().insert(campaigns).values({ label: "Copy", internalName: uniq("copy").toLowerCase(), occurrenceOf: daily.model.id, occurrenceAt: occ!.occurrenceAt });
    await expect(clash).rejects.toThrow();
  });
});
