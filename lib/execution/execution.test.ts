import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { approvalTasks, contacts, deliveries, deliveryMessages, notifications, orders, packages, workflows, workflowTargets } from "../../db/schema";
import { defaultTypology } from "../../db/schema";
import { evaluateTarget } from "../campaigns/targeting";
import { deliveryReport } from "../deliveries/report";
import { sendDeliverySlice } from "../deliveries/send";
import { startReadyDeliveries } from "../deliveries/start";
import { trackingToken } from "../deliveries/tracking";
import { recordClick, recordOpen, unsubscribe } from "../deliveries/tracking-events";
import { startMailCatcher, type MailCatcher } from "../mail/catcher";
import { closeTransport } from "../mail/transport";
import { addContacts, distribution, notificationGroup, targetApprovalCampaign } from "../testing/execution-factories";
import { twoTenants, uniq } from "../testing/factories";
import { publishedPackage } from "../testing/order-factories";
import { approveTargetingDef, setTargetChecksDef } from "./actions";
import { remindTargetApproval } from "./local-approval";
import { advanceWorkflow } from "./runner";

const db = () => getDb();
const advance = (id: string) => db().transaction((tx) => advanceWorkflow(tx, id));
const startDelivery = (id: string) => db().transaction((tx) => startReadyDeliveries(tx, { deliveryIds: [id] }));
const workflowOf = async (id: string) => (await db().query.workflows.findFirst({ where: eq(workflows.id, id) }))!;
const deliveryOf = async (id: string) => (await db().query.deliveries.findFirst({ where: eq(deliveries.id, id) }))!;

let catcher: MailCatcher;
beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "execution-test-secret";
  catcher = await startMailCatcher();
  process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
});
afterAll(async () => {
  closeTransport();
  await catcher.stop();
});


describe("a by-target-approval campaign across two entities (§6, §7)", () => {
  it("targets, splits, waits for approvals, excludes what was unchecked, and sends exactly the approved population minus typology exclusions", async () => {
    const t = await twoTenants();
    await notificationGroup(t.a.id, [t.opA.userId]);
    await notificationGroup(t.b.id, [t.opB.userId]);
    const segment = uniq("seg");
    const a = await addContacts(t.a.id, [{ first: "Ada" }, { first: "Alan" }, { first: "Anna" }, { first: "Arno" }, { first: "Axel" }, { first: "Ayla" }, { first: "Abel", segment: "other" }, { first: "Aude", status: "unsubscribed" }], segment);
    const b = await addContacts(t.b.id, [{ first: "Ben" }, { first: "Bea" }, { first: "Bob" }, { first: "Bru" }, { first: "Bud", status: "bounced" }], segment);
    const dist = await distribution([{ value: t.a.internalName, entityId: t.a.id }, { value: t.b.internalName, entityId: t.b.id }]);
    const { workflow, delivery } = await targetApprovalCampaign({ segment, distributionId: dist.id });

    // Query, Split, then Local approval opens one task per entity and emails each.
    expect(await advance(workflow.id)).toBe(true);
    let wf = await workflowOf(workflow.id);
    expect(wf.populations).toMatchObject({ q: 12, s: 12 });
    expect(wf.runState.waiting).toHaveProperty("la");
    const tasks = await db().select().from(approvalTasks).where(eq(approvalTasks.workflowId, workflow.id));
    expect(tasks.map((x) => x.entityId).sort()).toEqual([t.a.id, t.b.id].sort());
    const mails = await db().select().from(notifications).where(like(notifications.eventKey, `target-approval:%`));
    const taskA = tasks.find((x) => x.entityId === t.a.id)!;
    const taskB = tasks.find((x) => x.entityId === t.b.id)!;
    expect(mails.filter((m) => m.eventKey.startsWith(`target-approval:${taskA.id}:open:`)).map((m) => m.recipient)).toEqual([t.opA.email]);
    expect(mails.filter((m) => m.eventKey.startsWith(`target-approval:${taskB.id}:open:`)).map((m) => m.recipient)).toEqual([t.opB.email]);

    // Nothing moves while an entity may still answer.
    expect(await advance(workflow.id)).toBe(false);

    // Entity B cannot see or change entity A's task.
    expect(await setTargetChecksDef.run(t.opB, { entity: t.b.internalName, taskId: taskA.id, contactIds: "all", checked: false })).toMatchObject({ ok: false });
    expect(await approveTargetingDef.run(t.opB, { entity: t.b.internalName, taskId: taskA.id, comment: "" })).toMatchObject({ ok: false });

    // Entity A unchecks two contacts and approves; B never answers.
    expect(await setTargetChecksDef.run(t.opA, { entity: t.a.internalName, taskId: taskA.id, contactIds: [a[0]!.id, a[1]!.id], checked: false })).toMatchObject({ ok: true, data: { changed: 2 } });
    expect(await approveTargetingDef.run(t.opA, { entity: t.a.internalName, taskId: taskA.id, comment: "Not Ada and Alan" })).toMatchObject({ ok: true });
    expect(await approveTargetingDef.run(t.opA, { entity: t.a.internalName, taskId: taskA.id, comment: "again" })).toMatchObject({ ok: false });
    expect(await advance(workflow.id)).toBe(false);
    await db().update(approvalTasks).set({ deadline: new Date(Date.now() - 1000) }).where(eq(approvalTasks.id, taskB.id));
    // A reminder after the deadline sends nothing.
    expect(await db().transaction((tx) => remindTargetApproval(tx, taskB.id, 24))).toBe(0);

    expect(await advance(workflow.id)).toBe(true);
    wf = await workflowOf(workflow.id);
    expect(wf.populations.la).toBe(10);
    expect((await db().query.approvalTasks.findFirst({ where: eq(approvalTasks.id, taskB.id) }))!.status).toBe("expired");
    expect((await deliveryOf(delivery.id)).status).toBe("start_pending");

    // deliveryMgt materializes the target through the typology rules.
    expect(await startDelivery(delivery.id)).toEqual({ started: 1, messages: 10 });
    expect((await deliveryOf(delivery.id)).status).toBe("in_progress");
    expect(await startDelivery(delivery.id)).toEqual({ started: 0, messages: 0 });

    catcher.clear();
    expect(await sendDeliverySlice(delivery.id)).toBe("finished");
    const expected = [...a.slice(2, 6), ...b.slice(0, 4)].map((c) => c.email).sort();
    const received = catcher.messages().flatMap((m) => m.to).sort();
    expect(received).toEqual(expected);
    expect(catcher.messages().find((m) => m.to[0] === a[2]!.email)!.subject).toBe("Hello Anna");

    const report = await deliveryReport(db(), delivery.id);
    expect(report.totals).toMatchObject({ targeted: 10, excluded: 2, unsubscribed: 1, bouncedBefore: 1, sent: 8, failed: 0, bounced: 0 });
    expect(report.byEntity.find((r) => r.entityId === t.a.id)).toMatchObject({ sent: 4, unsubscribed: 1 });
    expect(report.byEntity.find((r) => r.entityId === t.b.id)).toMatchObject({ sent: 4, bouncedBefore: 1 });
    expect((await deliveryReport(db(), delivery.id, { entityId: t.b.id })).totals.sent).toBe(4);

    // The delivery finished: the workflow runs to its End, and the campaign finishes.
    expect(await advance(workflow.id)).toBe(true);
    wf = await workflowOf(workflow.id);
    expect(wf.status).toBe("finished");
    expect(wf.populations).toMatchObject({ d: 8, e: 8 });

    // Opens and clicks come from the tracking links; a forged token records nothing.
    const [msg] = await db().select().from(deliveryMessages).where(and(eq(deliveryMessages.deliveryId, delivery.id), eq(deliveryMessages.contactId, a[2]!.id)));
    const html = catcher.messages().find((m) => m.to[0] === a[2]!.email)!.html;
    expect(html).toContain(`/t/o/${trackingToken("open", msg!.id)}`);
    expect(await recordOpen(db(), trackingToken("open", msg!.id))).toBe(true);
    expect(await recordOpen(db(), `${msg!.id}.forged`)).toBe(false);
    expect(await recordClick(db(), trackingToken("click", msg!.id, "https://example.com/offer?x=1&y=2"), "https://example.com/offer?x=1&y=2")).toBe("https://example.com/offer?x=1&y=2");
    expect(await recordClick(db(), trackingToken("click", msg!.id, "https://example.com/offer?x=1&y=2"), "https://evil.test/")).toBeNull();
    const after = await deliveryReport(db(), delivery.id);
    expect(after.totals).toMatchObject({ opened: 1, clicked: 1 });

    // The unsubscribe link unsubscribes that contact, and only with a valid token.
    expect(await unsubscribe(db(), trackingToken("open", msg!.id))).toBe(false);
    expect(await unsubscribe(db(), trackingToken("unsubscribe", msg!.id))).toBe(true);
    expect((await db().query.contacts.findFirst({ where: eq(contacts.id, a[2]!.id) }))!.status).toBe("unsubscribed");
  });
});

describe("sending", () => {
  async function runningDelivery(n: number, opts: { body?: string } = {}) {
    const t = await twoTenants();
    const segment = uniq("seg");
    const list = await addContacts(t.a.id, Array.from({ length: n }, (_, i) => ({ first: `P${i}` })), segment);
    const dist = await distribution([{ value: t.a.internalName, entityId: t.a.id }]);
    const run = await targetApprovalCampaign({ segment, distributionId: dist.id, withApproval: false, body: opts.body });
    await advance(run.workflow.id);
    await startDelivery(run.delivery.id);
    return { ...run, list, t };
  }

  it("a stop halts sending: nothing more goes out once the delivery is stopped", async () => {
    const { delivery } = await runningDelivery(5);
    await db().update(deliveries).set({ status: "stopped" }).where(eq(deliveries.id, delivery.id));
    catcher.clear();
    expect(await sendDeliverySlice(delivery.id)).toBe("stopped");
    expect(catcher.messages()).toHaveLength(0);
    expect((await deliveryReport(db(), delivery.id)).totals.queued).toBe(5);
  });

  it("a restart never sends a message twice: one left claimed by a crashed slice is settled as failed, not resent", async () => {
    const { delivery } = await runningDelivery(3);
    const [first] = await db().select().from(deliveryMessages).where(eq(deliveryMessages.deliveryId, delivery.id)).limit(1);
    await db().update(deliveryMessages).set({ status: "sending", claimedAt: new Date(Date.now() - 5 * 60_000) }).where(eq(deliveryMessages.id, first!.id));
    catcher.clear();
    expect(await sendDeliverySlice(delivery.id)).toBe("finished");
    expect(catcher.messages().map((m) => m.to[0])).not.toContain(first!.email);
    expect(catcher.messages()).toHaveLength(2);
    const row = await db().query.deliveryMessages.findFirst({ where: eq(deliveryMessages.id, first!.id) });
    expect(row).toMatchObject({ status: "failed" });
    // A second slice after the finish sends nothing.
    catcher.clear();
    await db().update(deliveries).set({ status: "in_progress" }).where(eq(deliveries.id, delivery.id));
    await sendDeliverySlice(delivery.id);
    expect(catcher.messages()).toHaveLength(0);
  });

  it("personalizes each batch with its own entities' order values on the reference campaign", async () => {
    const t = await twoTenants();
    const segment = uniq("seg");
    await addContacts(t.a.id, [{ first: "Ann" }, { first: "Abe" }], segment);
    await addContacts(t.b.id, [{ first: "Bob" }], segment);
    const dist = await distribution([
      { value: t.a.internalName, entityId: t.a.id },
      { value: t.b.internalName, entityId: t.b.id },
    ]);
    const run = await targetApprovalCampaign({ segment, distributionId: dist.id, withApproval: false, body: "Hi {{firstName}} from {{storeName}}" });
    const { pkg } = await publishedPackage();
    await db().update(packages).set({ referenceCampaignId: run.campaign.id }).where(eq(packages.id, pkg.id));
    await db().insert(orders).values([
      { packageId: pkg.id, entityId: t.a.id, label: "A's order", status: "approved", parameters: { storeName: "Lille" } },
      { packageId: pkg.id, entityId: t.b.id, label: "B's order", status: "approved", parameters: { storeName: "Roubaix" } },
    ]);
    await advance(run.workflow.id);
    await startDelivery(run.delivery.id);
    catcher.clear();
    // One message a batch: each batch reads the values of its own entity only.
    expect(await sendDeliverySlice(run.delivery.id, { batchSize: 1 })).toBe("finished");
    const texts = catcher.messages().map((m) => m.text.split("\n")[0]).sort();
    expect(texts).toEqual(["Hi Abe from Lille", "Hi Ann from Lille", "Hi Bob from Roubaix"]);
  });

  it("escapes personalization in the HTML part: a stored <script> arrives inert", async () => {
    const t = await twoTenants();
    const segment = uniq("seg");
    await addContacts(t.a.id, [{ first: "<script>alert(1)</script>" }], segment);
    const dist = await distribution([{ value: t.a.internalName, entityId: t.a.id }]);
    const run = await targetApprovalCampaign({ segment, distributionId: dist.id, withApproval: false, body: "Hi {{firstName}}" });
    await advance(run.workflow.id);
    await startDelivery(run.delivery.id);
    catcher.clear();
    await sendDeliverySlice(run.delivery.id);
    const [m] = catcher.messages();
    expect(m!.html).toContain("Hi &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(m!.html).not.toContain("<script>");
    expect(m!.text).toMatch(/\/u\/[0-9a-f-]{36}\./);
  });
});

describe("typology rules and distributions", () => {
  it("holds back the control group as an exact share, and applies the pressure rule", async () => {
    const t = await twoTenants();
    const segment = uniq("seg");
    await addContacts(t.a.id, Array.from({ length: 10 }, (_, i) => ({ first: `C${i}` })), segment);
    const dist = await distribution([{ value: t.a.internalName, entityId: t.a.id }]);
    const first = await targetApprovalCampaign({ segment, distributionId: dist.id, withApproval: false });
    await advance(first.workflow.id);
    await startDelivery(first.delivery.id);
    await sendDeliverySlice(first.delivery.id);
    const second = await targetApprovalCampaign({ segment, distributionId: dist.id, withApproval: false, typology: { pressure: { maxMessages: 1, days: 7 } } });
    await advance(second.workflow.id);
    await startDelivery(second.delivery.id);
    expect((await deliveryReport(db(), second.delivery.id)).totals).toMatchObject({ targeted: 10, pressure: 10, queued: 0 });
    // Evaluate target counts the same rule the same way.
    const evaluation = await evaluateTarget(db(), t.a.id, [{ field: "segment", operator: "equals", value: segment }], { ...defaultTypology, pressure: { maxMessages: 1, days: 7 } });
    expect(evaluation).toMatchObject({ targeted: 10, pressure: 10, final: 0 });
    const third = await targetApprovalCampaign({ segment, distributionId: dist.id, withApproval: false, typology: { controlGroupPercent: 25 } });
    await advance(third.workflow.id);
    await startDelivery(third.delivery.id);
    expect((await deliveryReport(db(), third.delivery.id)).totals).toMatchObject({ targeted: 10, controlGroup: 2, queued: 8 });
  });

  it("limits each value of a split to its row (fixed size and percentage) and drops values without a row", async () => {
    const t = await twoTenants();
    const segment = uniq("seg");
    await addContacts(t.a.id, Array.from({ length: 10 }, (_, i) => ({ first: `F${i}` })), segment);
    await addContacts(t.b.id, Array.from({ length: 10 }, (_, i) => ({ first: `G${i}` })), segment);
    const fixed = await distribution([{ value: t.a.internalName, entityId: t.a.id, limit: 3 }]);
    const run = await targetApprovalCampaign({ segment, distributionId: fixed.id, withApproval: false });
    await advance(run.workflow.id);
    expect((await workflowOf(run.workflow.id)).populations).toMatchObject({ q: 20, s: 3 });
    const pct = await distribution([{ value: t.a.internalName, entityId: t.a.id, limit: 25 }, { value: t.b.internalName, entityId: t.b.id, limit: 0 }], { type: "percentage" });
    const run2 = await targetApprovalCampaign({ segment, distributionId: pct.id, withApproval: false });
    await advance(run2.workflow.id);
    expect((await workflowOf(run2.workflow.id)).populations).toMatchObject({ q: 20, s: 13 });
    // A row naming another entity than the contact's own never hands contacts over.
    const crossed = await distribution([{ value: t.a.internalName, entityId: t.b.id }]);
    const run3 = await targetApprovalCampaign({ segment, distributionId: crossed.id, withApproval: false });
    await advance(run3.workflow.id);
    expect((await workflowOf(run3.workflow.id)).populations).toMatchObject({ s: 0 });
  });

  it("an entity that never answers loses its contacts when Approve targeted messages is off", async () => {
    const t = await twoTenants();
    const segment = uniq("seg");
    await addContacts(t.a.id, [{ first: "Only" }, { first: "Two" }], segment);
    const dist = await distribution([{ value: t.a.internalName, entityId: t.a.id }], { approveTargeted: false });
    const run = await targetApprovalCampaign({ segment, distributionId: dist.id });
    await advance(run.workflow.id);
    const targets = await db().select().from(workflowTargets).where(eq(workflowTargets.workflowId, run.workflow.id));
    expect(targets.every((x) => !x.checked)).toBe(true);
    await db().update(approvalTasks).set({ deadline: new Date(Date.now() - 1000) }).where(eq(approvalTasks.workflowId, run.workflow.id));
    await advance(run.workflow.id);
    expect((await workflowOf(run.workflow.id)).populations.la).toBe(0);
  });

  it("reminds an entity that has not answered, once per delay, and not after it approved", async () => {
    const t = await twoTenants();
    await notificationGroup(t.a.id, [t.opA.userId]);
    const segment = uniq("seg");
    await addContacts(t.a.id, [{ first: "Rem" }], segment);
    const dist = await distribution([{ value: t.a.internalName, entityId: t.a.id }]);
    const run = await targetApprovalCampaign({ segment, distributionId: dist.id });
    await advance(run.workflow.id);
    const [task] = await db().select().from(approvalTasks).where(eq(approvalTasks.workflowId, run.workflow.id));
    expect(await db().transaction((tx) => remindTargetApproval(tx, task!.id, 24))).toBe(1);
    await db().transaction((tx) => remindTargetApproval(tx, task!.id, 24));
    const reminders = await db().select().from(notifications).where(like(notifications.eventKey, `target-approval:${task!.id}:remind:%`));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toContain("Reminder");
    await approveTargetingDef.run(t.opA, { entity: t.a.internalName, taskId: task!.id, comment: "" });
    expect(await db().transaction((tx) => remindTargetApproval(tx, task!.id, 4))).toBe(0);
  });
});
