import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { twoTenants } from "../testing/factories";
import { approvalRows, deliveryRow, entityDelivery, referenceDelivery } from "../testing/delivery-factories";
import { submitDeliveryDef, submitOwnDeliveryDef, updateDeliveryDef, updateOwnDeliveryContentDef } from "./actions";

// Editing a delivery while Being edited, and Submit for approval (§7).

const settings = (deliveryId: string, over: Record<string, unknown> = {}) => ({
  deliveryId,
  subject: "Spring offer for {{firstName}}",
  body: "Dear {{firstName}},\n\nSee you soon.",
  approvalKinds: ["content", "budget"],
  reviewerIds: [],
  approvalDays: 3,
  reminderHours: [24, 48],
  scheduledAt: "",
  ratePerSecond: null,
  ...over,
});

describe("editing a delivery", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await twoTenants();
  });

  it("saves the message, approvals, contact date and throttle", async () => {
    const { delivery } = await referenceDelivery();
    const res = await updateDeliveryDef.run(t.central, settings(delivery.id, { reviewerIds: [t.central.userId], scheduledAt: "2099-05-01T09:30", ratePerSecond: 20 }));
    expect(res).toMatchObject({ ok: true });
    expect(await deliveryRow(delivery.id)).toMatchObject({
      subject: "Spring offer for {{firstName}}",
      approvalKinds: ["content", "budget"],
      reviewerIds: [t.central.userId],
      reminderHours: [48, 24],
      scheduledAt: new Date("2099-05-01T09:30:00Z"),
      ratePerSecond: 20,
      status: "being_edited",
    });
  });

  it("puts each problem on its field and saves nothing", async () => {
    const { delivery } = await referenceDelivery();
    const before = await deliveryRow(delivery.id);
    const bad = await updateDeliveryDef.run(t.central, settings(delivery.id, { subject: "  ", approvalDays: 0, reminderHours: [24, 24], ratePerSecond: 0, scheduledAt: "tomorrow" }));
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { subject: "Enter a subject.", approvalDays: "Use 1 or more.", ratePerSecond: "Use 1 or more.", scheduledAt: "Enter a valid date and time." },
    });
    // Checks that need the database: reviewers must be central operators, the date in the future.
    const refused = await updateDeliveryDef.run(t.central, settings(delivery.id, { reviewerIds: [t.opA.userId], scheduledAt: "2001-01-01T00:00" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { reviewerIds: expect.any(String), scheduledAt: expect.stringContaining("future") } });
    // A reminder must fall inside the approval period.
    expect(await updateDeliveryDef.run(t.central, settings(delivery.id, { approvalDays: 1, reminderHours: [30] }))).toMatchObject({ ok: false, fieldErrors: { reminderHours: expect.any(String) } });
    expect(await deliveryRow(delivery.id)).toEqual(before);
  });

  it("refuses changes once the delivery has left Being edited", async () => {
    const { delivery } = await referenceDelivery({ status: "to_validate" });
    expect(await updateDeliveryDef.run(t.central, settings(delivery.id))).toMatchObject({ ok: false, code: "conflict" });
    expect((await deliveryRow(delivery.id)).subject).toBe("Hello {{firstName}}");
  });

  it("lets an entity change its own delivery's message only when the template allows it", async () => {
    const own = await entityDelivery(t.a.id, {}, { localEditable: ["personalization"] });
    expect(await updateOwnDeliveryContentDef.run(t.opA, { entity: t.a.internalName, deliveryId: own.delivery.id, subject: "Ours", body: "Our body" })).toMatchObject({ ok: true });
    expect(await deliveryRow(own.delivery.id)).toMatchObject({ subject: "Ours", body: "Our body" });
    const locked = await entityDelivery(t.a.id, {}, { localEditable: ["targeting"] });
    expect(await updateOwnDeliveryContentDef.run(t.opA, { entity: t.a.internalName, deliveryId: locked.delivery.id, subject: "Ours", body: "Our body" })).toMatchObject({ ok: false, code: "forbidden" });
    expect((await deliveryRow(locked.delivery.id)).subject).toBe("Hello {{firstName}}");
    // Field messages for the entity's form too.
    expect(await updateOwnDeliveryContentDef.run(t.opA, { entity: t.a.internalName, deliveryId: own.delivery.id, subject: "x".repeat(301), body: "" })).toMatchObject({
      ok: false,
      fieldErrors: { subject: expect.any(String), body: "Write the message." },
    });
  });
});

describe("Submit for approval", () => {
  let central: Actor;
  beforeAll(async () => {
    central = (await twoTenants()).central;
  });

  it("goes To validate with one approval per required kind, due in approvalDays by the database clock", async () => {
    const { delivery } = await referenceDelivery({ approvalKinds: ["target", "content"], approvalDays: 2 });
    const res = await submitDeliveryDef.run(central, { deliveryId: delivery.id });
    expect(res).toMatchObject({ ok: true, data: { status: "to_validate" } });
    const rows = await approvalRows(delivery.id);
    expect(rows.map((r) => [r.kind, r.status, r.notifiedAt])).toEqual([["content", "pending", null], ["target", "pending", null]]);
    const due = rows[0]!.deadline.getTime() - Date.now();
    expect(due).toBeGreaterThan(47.9 * 3_600_000);
    expect(due).toBeLessThan(48.1 * 3_600_000);
    // A second submit is refused: it is no longer being edited.
    expect(await submitDeliveryDef.run(central, { deliveryId: delivery.id })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("without any approval required goes straight to Pending confirmation", async () => {
    const { delivery } = await referenceDelivery({ approvalKinds: [] });
    expect(await submitDeliveryDef.run(central, { deliveryId: delivery.id })).toMatchObject({ ok: true, data: { status: "pending_confirmation" } });
    expect(await approvalRows(delivery.id)).toEqual([]);
    expect((await deliveryRow(delivery.id)).status).toBe("pending_confirmation");
  });

  it("needs a subject and a message", async () => {
    const { delivery } = await referenceDelivery({ subject: "", approvalKinds: ["content"] });
    expect(await submitDeliveryDef.run(central, { deliveryId: delivery.id })).toMatchObject({ ok: false, code: "invalid_input" });
    expect((await deliveryRow(delivery.id)).status).toBe("being_edited");
    expect(await approvalRows(delivery.id)).toEqual([]);
  });

  it("lets an entity submit its own campaign's delivery, never another entity's", async () => {
    const t2 = await twoTenants();
    const { delivery } = await entityDelivery(t2.a.id, { approvalKinds: ["content"] });
    expect(await submitOwnDeliveryDef.run(t2.opB, { entity: t2.b.internalName, deliveryId: delivery.id })).toMatchObject({ ok: false, code: "not_found" });
    expect((await deliveryRow(delivery.id)).status).toBe("being_edited");
    expect(await submitOwnDeliveryDef.run(t2.opA, { entity: t2.a.internalName, deliveryId: delivery.id })).toMatchObject({ ok: true, data: { status: "to_validate" } });
    expect((await approvalRows(delivery.id)).map((r) => r.kind)).toEqual(["content"]);
  });
});
