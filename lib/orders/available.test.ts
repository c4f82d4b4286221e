import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, deliveries, notifications, orders, providers, workflows, type WorkflowActivity } from "../../db/schema";
import { entityWithPeople, orderDetails, publishedPackage } from "../testing/order-factories";
import { placeOrderDef, reviewOrderDef } from "./actions";
import { makeOrderAvailable } from "./available";

// An approved order becoming Available at its date (§4): the entity's own campaign, a child
// campaign, or nothing of its own, once.

const db = () => getDb();
const mailsTo = (email: string) => db().select().from(notifications).where(eq(notifications.recipient, email));
const orderRow = async (id: string) => (await db().query.orders.findFirst({ where: eq(orders.id, id) }))!;
const available = (id: string) => db().transaction((tx) => makeOrderAvailable(tx, id));

describe("Approved → Available", () => {
  let t: Awaited<ReturnType<typeof entityWithPeople>>;
  beforeAll(async () => {
    t = await entityWithPeople();
  });
  const approvedOrder = async (opts: Parameters<typeof publishedPackage>[0]) => {
    const made = await publishedPackage(opts);
    const id = ((await placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: made.pkg.id, ...orderDetails() })) as { data: { id: string } }).data.id;
    expect(await reviewOrderDef.run(t.reviewer, { orderId: id, decision: "accept" })).toMatchObject({ ok: true });
    return { ...made, id };
  };

  it("gives a local package's entity its own campaign, whose targeting starts with the approval when asked", async () => {
    const { id, campaign } = await approvedOrder({ kind: "local", registrationDeadline: null, startTargetingWithApproval: true, targeting: [{ field: "city", operator: "equals", value: "Lille" }] });
    expect(await available(id)).toMatchObject({ available: true });
    const order = await orderRow(id);
    expect(order.status).toBe("available");
    const local = (await db().query.campaigns.findFirst({ where: eq(campaigns.id, order.campaignId!) }))!;
    expect(local).toMatchObject({ entityId: t.e.id, parentCampaignId: null, status: "started" });
    const [wf] = await db().select().from(workflows).where(eq(workflows.campaignId, local.id));
    expect(wf).toMatchObject({ targeting: [{ field: "city", operator: "equals", value: "Lille" }] });
    // Asked to start; operationMgt (which another test file may run meanwhile) carries it out.
    if (wf!.status === "start_pending") expect(wf!.pendingCommand).toBe("start");
    else expect(wf).toMatchObject({ status: "started", pendingCommand: null });
    expect(local.id).not.toBe(campaign.id);
    const mail = (await mailsTo(t.member.email)).find((n) => n.eventKey.startsWith(`order:${id}:available`));
    expect(mail).toMatchObject({ template: "campaign_available" });
    expect((mail!.payload as { url: string }).url).toContain(`/portal/${t.e.internalName}/campaigns/${local.id}`);
  });

  it("leaves a local campaign being edited without Start targeting with order approval", async () => {
    const { id } = await approvedOrder({ kind: "local", registrationDeadline: null });
    await available(id);
    const local = (await db().query.campaigns.findFirst({ where: eq(campaigns.id, (await orderRow(id)).campaignId!) }))!;
    expect(local.status).toBe("being_edited");
    expect((await db().select().from(workflows).where(eq(workflows.campaignId, local.id)))[0]!.status).toBe("being_edited");
  });

  it("copies each delivery of the reference workflow and points the copied activities at the copies", async () => {
    const { id, campaign, workflow } = await approvedOrder({ collaborativeType: "by_campaign" });
    const [provider] = await db().insert(providers).values({ name: "Printer" }).returning();
    const [ref] = await db().select().from(deliveries).where(eq(deliveries.campaignId, campaign.id));
    const scheduledAt = new Date("2030-04-01T09:00:00Z");
    await db()
      .update(deliveries)
      .set({ subject: "Hello {{firstName}}", body: "Spring offers", approvalKinds: ["content"], reviewerIds: [t.reviewer.userId], approvalDays: 5, reminderHours: [48, 2], scheduledAt, ratePerSecond: 20, providerId: provider!.id })
      .where(eq(deliveries.id, ref!.id));
    const activities: WorkflowActivity[] = [
      { id: "q", kind: "query", label: "Targeting", next: ["d"], x: 16, y: 16 },
      { id: "d", kind: "delivery", label: "Email wave", next: ["e"], deliveryId: ref!.id },
      { id: "e", kind: "end", label: "End", next: [] },
    ];
    await db().update(workflows).set({ activities }).where(eq(workflows.id, workflow.id));

    await available(id);
    const childId = (await orderRow(id)).campaignId!;
    const [copyWorkflow] = await db().select().from(workflows).where(eq(workflows.campaignId, childId));
    const [copy, ...more] = await db().select().from(deliveries).where(eq(deliveries.campaignId, childId));
    expect(more).toEqual([]);
    expect(copy!.id).not.toBe(ref!.id);
    expect(copy).toMatchObject({
      workflowId: copyWorkflow!.id,
      label: "Email wave",
      channel: "email",
      status: "being_edited",
      subject: "Hello {{firstName}}",
      body: "Spring offers",
      approvalKinds: ["content"],
      reviewerIds: [t.reviewer.userId],
      approvalDays: 5,
      reminderHours: [48, 2],
      scheduledAt,
      ratePerSecond: 20,
      providerId: provider!.id,
    });
    // Same activity ids and graph; only the deliveryId names the copy.
    expect(copyWorkflow!.activities).toEqual([activities[0], { ...activities[1], deliveryId: copy!.id }, activities[2]]);
    expect((await db().select().from(workflows).where(eq(workflows.id, workflow.id)))[0]!.activities[1]!.deliveryId).toBe(ref!.id);
  });

  it("creates a child campaign for a by-campaign package, carrying the order's values", async () => {
    const { id, campaign } = await approvedOrder({ collaborativeType: "by_campaign" });
    await getDb().update(orders).set({ parameters: { storeName: "Nord" } }).where(eq(orders.id, id));
    await available(id);
    const child = (await db().query.campaigns.findFirst({ where: eq(campaigns.id, (await orderRow(id)).campaignId!) }))!;
    expect(child).toMatchObject({ entityId: t.e.id, parentCampaignId: campaign.id, personalization: { storeName: "Nord" } });
  });

  it("makes a by-form order Available without a campaign of its own, once, and not before the availability date", async () => {
    const { id } = await approvedOrder({ collaborativeType: "by_form" });
    expect(await available(id)).toMatchObject({ available: true });
    expect(await orderRow(id)).toMatchObject({ status: "available", campaignId: null });
    expect(await available(id)).toMatchObject({ available: false });
    expect((await mailsTo(t.member.email)).filter((n) => n.eventKey.startsWith(`order:${id}:available`))).toHaveLength(1);

    const later = await approvedOrder({ availableAt: new Date(Date.now() + 3 * 86_400_000) });
    expect(await available(later.id)).toMatchObject({ available: false });
    expect((await orderRow(later.id)).status).toBe("approved");
  });
});
