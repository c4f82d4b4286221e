import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import type { Actor } from "../auth/actor";
import { actorFor, createUser, twoTenants } from "../testing/factories";
import { approvalRows, deliveryEmails, referenceDelivery, timePasses } from "../testing/delivery-factories";
import { reviewDeliveryApprovalDef, stopDeliveryDef, submitDeliveryDef } from "./actions";
import { notifyDeliveryApprovals } from "./approval-mail";

// deliveryMgt's [Delivery approval] emails and reminders (§5, §7, §10). Other test files share
// the database, so each check reads the outbox rows of its own delivery.

// Each test runs deliveryMgt's step for its own deliveries, so parallel files do not take its rows.
const mine: string[] = [];
const run = () => getDb().transaction((tx) => notifyDeliveryApprovals(tx, { deliveryIds: mine }));

describe("delivery approval notifications", () => {
  let central: Actor;
  let r1: Actor;
  let r2: Actor;
  beforeAll(async () => {
    central = (await twoTenants()).central;
    r1 = await actorFor((await createUser({ role: "central" })).id);
    r2 = await actorFor((await createUser({ role: "central" })).id);
  });
  async function submitted(over: Parameters<typeof referenceDelivery>[0] = {}) {
    const { delivery, campaign } = await referenceDelivery({ approvalKinds: ["target", "content"], reviewerIds: [r1.userId, r2.userId], approvalDays: 3, reminderHours: [48, 24], ...over });
    await submitDeliveryDef.run(central, { deliveryId: delivery.id });
    mine.push(delivery.id);
    return { id: delivery.id, campaign, label: delivery.label };
  }

  it("emails each reviewer once, with a link made for them; a rerun sends nothing", async () => {
    const { id, campaign, label } = await submitted();
    const first = await run();
    expect(first.notified).toBe(2);
    const mails = await deliveryEmails(id, "approval:");
    expect(mails.map((m) => m.recipient).sort()).toEqual([r1.email, r2.email].sort());
    expect(mails[0]).toMatchObject({ template: "delivery_approval", subject: `[Delivery approval] ${label}` });
    expect(mails[0]!.payload).toMatchObject({ campaignLabel: campaign.label, kinds: ["Content", "Target"], reminder: false, url: expect.stringMatching(/\/links\/[A-Za-z0-9_-]{43}$/) });
    expect(mails[0]!.payload.url).not.toBe(mails[1]!.payload.url);
    expect((await approvalRows(id)).every((r) => r.notifiedAt)).toBe(true);
    expect(await run()).toEqual({ notified: 0, reminded: 0 });
    expect(await deliveryEmails(id, "approval:")).toHaveLength(2);
  });

  it("emails every central operator when the delivery names no reviewer", async () => {
    const { id } = await submitted({ reviewerIds: [] });
    await run();
    const to = (await deliveryEmails(id, "approval:")).map((m) => m.recipient);
    expect(to).toEqual(expect.arrayContaining([r1.email, r2.email, central.email]));
  });

  it("reminds once per reminder point, the latest one only when several passed", async () => {
    const { id } = await submitted();
    await run();
    const reminders = async () => (await deliveryEmails(id, "approval:")).filter((m) => m.payload.reminder);
    await timePasses(id, 23); // 49 h left: no point passed yet
    await run();
    expect(await reminders()).toHaveLength(0);
    await timePasses(id, 2); // 47 h left: the 48 h point
    await run();
    await run();
    expect((await reminders()).map((m) => m.eventKey.split(":")[4])).toEqual(["remind", "remind"]);
    expect(new Set((await reminders()).map((m) => m.eventKey.split(":")[5]))).toEqual(new Set(["48"]));
    expect((await reminders())[0]!.subject).toBe(`[Delivery approval] Reminder: ${(await reminders())[0]!.payload.deliveryLabel}`);
    await timePasses(id, 30); // 17 h left: the 24 h point
    await run();
    expect(new Set((await reminders()).map((m) => m.eventKey.split(":")[5]))).toEqual(new Set(["48", "24"]));
    await timePasses(id, 40); // past the deadline: no point left
    await run();
    expect(await reminders()).toHaveLength(4);

    // Several points passed between two runs: one reminder, for the latest.
    const late = await submitted();
    await run();
    await timePasses(late.id, 60);
    await run();
    const lateReminders = (await deliveryEmails(late.id, "approval:")).filter((m) => m.payload.reminder);
    expect(lateReminders.map((m) => m.eventKey.split(":")[5])).toEqual(["24", "24"]);
  });

  it("stops reminding once an approval is answered, and when the delivery leaves To validate", async () => {
    const { id } = await submitted();
    await run();
    await reviewDeliveryApprovalDef.run(r1, { deliveryId: id, kind: "target", decision: "accept", comment: "" });
    await timePasses(id, 25);
    await run();
    const reminders = (await deliveryEmails(id, "approval:")).filter((m) => m.payload.reminder);
    // Only the kind still waiting is named.
    expect(reminders).toHaveLength(2);
    expect(reminders.every((m) => JSON.stringify(m.payload.kinds) === JSON.stringify(["Content"]))).toBe(true);
    await reviewDeliveryApprovalDef.run(r2, { deliveryId: id, kind: "content", decision: "accept", comment: "" });
    await timePasses(id, 25);
    await run();
    expect((await deliveryEmails(id, "approval:")).filter((m) => m.payload.reminder)).toHaveLength(2);

    const stopped = await submitted();
    await stopDeliveryDef.run(central, { deliveryId: stopped.id });
    await run();
    expect(await deliveryEmails(stopped.id, "approval:")).toHaveLength(0);
  });
});
