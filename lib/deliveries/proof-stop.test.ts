import { eq } from "drizzle-orm";
import { randomUUID as uniqId } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { deliveries, orders, workflows, workflowTargets } from "../../db/schema";
import { addContacts } from "../testing/execution-factories";
import { deliveryEmails, deliveryRow, entityDelivery, referenceDelivery } from "../testing/delivery-factories";
import { twoTenants, uniq } from "../testing/factories";
import { publishedPackage } from "../testing/order-factories";
import { sendDeliveryProofDef, sendOwnDeliveryProofDef, stopDeliveryDef, stopOwnDeliveryDef, updateOwnDeliveryContentDef } from "./actions";
import { proofSample } from "./proof";

// Send proof and Stop (§7), and an entity's reach: its own campaigns' deliveries, nothing else.

describe("Stop", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await twoTenants();
  });

  it("stops a delivery that is waiting, approved or sending; nothing else", async () => {
    for (const status of ["to_validate", "pending_confirmation", "start_pending", "in_progress"] as const) {
      const { delivery } = await referenceDelivery({ status });
      expect(await stopDeliveryDef.run(t.central, { deliveryId: delivery.id }), status).toMatchObject({ ok: true, data: { status: "stopped" } });
      expect((await deliveryRow(delivery.id)).status).toBe("stopped");
    }
    for (const status of ["being_edited", "finished", "stopped", "canceled"] as const) {
      const { delivery } = await referenceDelivery({ status });
      expect(await stopDeliveryDef.run(t.central, { deliveryId: delivery.id }), status).toMatchObject({ ok: false, code: "conflict" });
      expect((await deliveryRow(delivery.id)).status).toBe(status);
    }
  });

  it("lets an entity stop its own campaign's delivery, never another entity's", async () => {
    const own = await entityDelivery(t.a.id, { status: "in_progress" });
    const theirs = await entityDelivery(t.b.id, { status: "in_progress" });
    const reference = await referenceDelivery({ status: "in_progress" });
    expect(await stopOwnDeliveryDef.run(t.opA, { entity: t.a.internalName, deliveryId: theirs.delivery.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await stopOwnDeliveryDef.run(t.opA, { entity: t.a.internalName, deliveryId: reference.delivery.id })).toMatchObject({ ok: false, code: "not_found" });
    // Naming the other entity is refused by the wrapper: opA is not its member.
    expect(await stopOwnDeliveryDef.run(t.opA, { entity: t.b.internalName, deliveryId: theirs.delivery.id })).toMatchObject({ ok: false, code: "not_found" });
    expect((await deliveryRow(theirs.delivery.id)).status).toBe("in_progress");
    expect((await deliveryRow(reference.delivery.id)).status).toBe("in_progress");
    expect(await stopOwnDeliveryDef.run(t.opA, { entity: t.a.internalName, deliveryId: own.delivery.id })).toMatchObject({ ok: true });
  });

  it("keeps another entity's delivery out of reach for editing and proofs", async () => {
    const theirs = await entityDelivery(t.b.id);
    const edit = await updateOwnDeliveryContentDef.run(t.opA, { entity: t.a.internalName, deliveryId: theirs.delivery.id, subject: "Mine now", body: "Mine" });
    expect(edit).toMatchObject({ ok: false, code: "not_found" });
    expect(await sendOwnDeliveryProofDef.run(t.opA, { entity: t.a.internalName, deliveryId: theirs.delivery.id, recipients: "me@test.local" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await deliveryRow(theirs.delivery.id)).subject).toBe("Hello {{firstName}}");
    expect(await deliveryEmails(theirs.delivery.id, "proof:")).toHaveLength(0);
  });
});

describe("Send proof", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  beforeAll(async () => {
    t = await twoTenants();
  });

  it("queues the message rendered for the entity's first targeted contact, values escaped, to each address", async () => {
    const [first] = await addContacts(t.a.id, [{ first: "<b>Ann</b>" }, { first: "Bob" }], uniq("seg"));
    const { delivery, campaign } = await entityDelivery(
      t.a.id,
      { subject: "Hi {{firstName}}", body: "Dear {{firstName}},\n\nVisit {{storeName}} at https://example.com/?a=1&b=2" },
      { personalization: { storeName: "Lille <Centre> & co" } },
    );
    const [workflow] = await getDb().insert(workflows).values({ campaignId: campaign.id, label: "Main" }).returning();
    await getDb().update(deliveries).set({ workflowId: workflow!.id }).where(eq(deliveries.id, delivery.id));
    // Only Ann is in the workflow's population: she is the one the proof is rendered for.
    await getDb().insert(workflowTargets).values({ workflowId: workflow!.id, contactId: first!.id, entityId: t.a.id });
    const res = await sendOwnDeliveryProofDef.run(t.opA, { entity: t.a.internalName, deliveryId: delivery.id, recipients: "Boss@Test.local, second@test.local" });
    expect(res).toMatchObject({ ok: true, data: { sent: 2, contactEmail: first!.email } });
    const mails = await deliveryEmails(delivery.id, "proof:");
    expect(mails.map((m) => m.recipient).sort()).toEqual(["boss@test.local", "second@test.local"]);
    const p = mails[0]!.payload as { subject: string; text: string; html: string };
    expect(mails[0]).toMatchObject({ template: "delivery_proof", subject: "[Proof] Hi <b>Ann</b>" });
    expect(p.text).toContain("Dear <b>Ann</b>,");
    expect(p.text).toContain("Visit Lille <Centre> & co");
    expect(p.html).toContain("Dear &lt;b&gt;Ann&lt;/b&gt;,");
    expect(p.html).toContain("Lille &lt;Centre&gt; &amp; co");
    expect(p.html).not.toContain("<b>Ann");
    // A proof records nothing against a contact: links as written, a sample unsubscribe link.
    expect(p.html).toContain('href="https://example.com/?a=1&amp;b=2"');
    expect(p.html).toContain('href="#unsubscribe"');
    // A second send is a second event.
    await sendOwnDeliveryProofDef.run(t.opA, { entity: t.a.internalName, deliveryId: delivery.id, recipients: "boss@test.local" });
    expect(await deliveryEmails(delivery.id, "proof:")).toHaveLength(3);
  });

  it("takes one to five valid addresses", async () => {
    const { delivery } = await referenceDelivery();
    const send = (recipients: string) => sendDeliveryProofDef.run(t.central, { deliveryId: delivery.id, recipients });
    expect(await send("")).toMatchObject({ ok: false, fieldErrors: { recipients: "Enter at least one email address." } });
    expect(await send("a@x.test b@x.test c@x.test d@x.test e@x.test f@x.test")).toMatchObject({ ok: false, fieldErrors: { recipients: expect.stringContaining("five") } });
    expect(await send("a@x.test, nope")).toMatchObject({ ok: false, fieldErrors: { recipients: expect.stringContaining("nope") } });
    expect(await deliveryEmails(delivery.id, "proof:")).toHaveLength(0);
    // The form's resolver hands the action the parsed list: taken as well.
    expect(await sendDeliveryProofDef.run(t.central, { deliveryId: delivery.id, recipients: ["a@x.test", "B@x.test"] })).toMatchObject({ ok: true, data: { sent: 2 } });
  });

  it("renders a reference campaign's proof for a subscribed entity's contact with its order values, else a placeholder", async () => {
    const { pkg, campaign } = await publishedPackage();
    const sample = (occurrenceOf: string | null = null) => proofSample(getDb(), { workflowId: null, campaign: { id: occurrenceOf ? uniqId() : campaign.id, entityId: null, personalization: {}, occurrenceOf } });
    expect(await sample()).toMatchObject({ placeholder: true, contact: { firstName: "Jane" }, values: {} });
    const [contact] = await addContacts(t.b.id, [{ first: "Carla" }], uniq("seg"));
    await getDb().insert(orders).values({ packageId: pkg.id, entityId: t.b.id, label: "B's order", status: "approved", parameters: { storeName: "Roubaix" } });
    expect(await sample()).toMatchObject({ placeholder: false, contact: { email: contact!.email }, values: { storeName: "Roubaix" }, entityLabel: t.b.label });
    // An occurrence of the campaign is subscribed to through its model's packages.
    expect(await sample(campaign.id)).toMatchObject({ placeholder: false, contact: { email: contact!.email }, values: { storeName: "Roubaix" } });
  });
});
