import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { actionTokens, campaigns, entities, notifications, orders, packages, workflows } from "../../db/schema";
import { publishPackage } from "../packages/publish";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { entityWithPeople, orderDetails, publishedPackage, textField } from "../testing/order-factories";
import { cancelOwnOrderDef, editOwnOrderDef, placeOrderDef, reviewOrderDef } from "./actions";
import { makeOrderAvailable } from "./available";
import { remindRegistration } from "./registration-reminders";

const db = () => getDb();
const mailsTo = (email: string) => db().select().from(notifications).where(eq(notifications.recipient, email));
const orderRow = async (id: string) => (await db().query.orders.findFirst({ where: eq(orders.id, id) }))!;
const available = (id: string) => db().transaction((tx) => makeOrderAvailable(tx, id));


describe("manual mode", () => {
  let t: Awaited<ReturnType<typeof entityWithPeople>>;
  beforeAll(async () => {
    t = await entityWithPeople();
  });

  it("orders as Ordered (pending approval) and emails each order reviewer two links made for them", async () => {
    const { pkg } = await publishedPackage({ fields: [textField("storeName", { label: "Store name", required: true })] });
    const res = await placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: pkg.id, ...orderDetails({ parameters: { storeName: "Nord" } }) });
    expect(res).toMatchObject({ ok: true, data: { status: "ordered" } });
    const id = (res as { data: { id: string } }).data.id;
    const [mail] = (await mailsTo(t.reviewer.email)).filter((n) => n.eventKey.startsWith(`order:${id}`));
    expect(mail).toMatchObject({ template: "order_approval", subject: expect.stringContaining("[Approval of order]") });
    expect((mail!.payload as { parameters: string[][] }).parameters).toEqual([["Store name", "Nord"]]);
    const tokens = await db().select().from(actionTokens).where(eq(actionTokens.subjectId, id));
    expect(tokens.map((k) => [k.purpose, k.userId, k.entityId]).sort()).toEqual([
      ["order_parameters", t.reviewer.userId, t.e.id],
      ["order_review", t.reviewer.userId, t.e.id],
    ]);
  });

  it("falls back to the central operators when the entity has no order reviewers", async () => {
    const e = await createLocalEntity();
    const op = await actorFor((await createUser({ role: "local", entityIds: [e.id] })).id);
    const central = await createUser({ role: "central" });
    const { pkg } = await publishedPackage();
    const res = await placeOrderDef.run(op, { entity: e.internalName, packageId: pkg.id, ...orderDetails() });
    const id = (res as { data: { id: string } }).data.id;
    expect((await mailsTo(central.email)).filter((n) => n.eventKey === `order:${id}:approval:${central.id}`)).toHaveLength(1);
  });

  it("lets the entity edit and cancel until approved, then refuses", async () => {
    const { pkg } = await publishedPackage({ enableMultipleCreation: true, fields: [textField("storeName", { label: "Store name" })] });
    const place = () => placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: pkg.id, ...orderDetails() });
    const placed = await place();
    expect(placed).toMatchObject({ ok: true });
    const a = (placed as { data: { id: string } }).data.id;
    const edit = (id: string) => editOwnOrderDef.run(t.op, { entity: t.e.internalName, orderId: id, ...orderDetails({ label: "Changed", parameters: { storeName: "Sud" } }) });
    expect(await edit(a)).toMatchObject({ ok: true });
    expect(await orderRow(a)).toMatchObject({ label: "Changed", parameters: { storeName: "Sud" } });
    expect(await cancelOwnOrderDef.run(t.op, { entity: t.e.internalName, orderId: a, comment: "Not now" })).toMatchObject({ ok: true });
    expect(await orderRow(a)).toMatchObject({ status: "canceled", statusComment: "Not now" });

    const b = ((await place()) as { data: { id: string } }).data.id;
    expect(await reviewOrderDef.run(t.reviewer, { orderId: b, decision: "accept" })).toMatchObject({ ok: true, data: { status: "approved" } });
    expect(await edit(b)).toMatchObject({ ok: false, code: "conflict", error: expect.stringMatching(/approved/) });
    expect(await cancelOwnOrderDef.run(t.op, { entity: t.e.internalName, orderId: b, comment: "" })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("needs a comment to reject, emails it to the entity, and lets only the first answer count", async () => {
    const { pkg } = await publishedPackage();
    const id = ((await placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: pkg.id, ...orderDetails() })) as { data: { id: string } }).data.id;
    expect(await reviewOrderDef.run(t.reviewer, { orderId: id, decision: "reject", comment: "" })).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(String) } });
    const central = await actorFor((await createUser({ role: "central" })).id);
    const [first, second] = await Promise.all([
      reviewOrderDef.run(t.reviewer, { orderId: id, decision: "reject", comment: "Budget too high" }),
      reviewOrderDef.run(central, { orderId: id, decision: "accept" }),
    ]);
    expect([first, second].filter((r) => r.ok)).toHaveLength(1);
    const row = await orderRow(id);
    const mail = (await mailsTo(t.member.email)).find((n) => n.eventKey.startsWith(`order:${id}:${row.status}`));
    expect(mail).toMatchObject({ template: "order_decision" });
    if (row.status === "rejected") expect((mail!.payload as { comment: string }).comment).toBe("Budget too high");
    // Every reviewer link of the order is spent once it is decided.
    const live = await db().select().from(actionTokens).where(and(eq(actionTokens.subjectId, id), eq(actionTokens.purpose, "order_review")));
    expect(live.every((k) => k.usedAt)).toBe(true);
  });

  it("refuses a reviewer of another entity and a plain operator of the entity", async () => {
    const { pkg } = await publishedPackage();
    const id = ((await placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: pkg.id, ...orderDetails() })) as { data: { id: string } }).data.id;
    const other = await entityWithPeople();
    expect(await reviewOrderDef.run(other.reviewer, { orderId: id, decision: "accept" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await reviewOrderDef.run(t.op, { orderId: id, decision: "accept" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await orderRow(id)).toMatchObject({ status: "ordered" });
  });
});

describe("automatic mode", () => {
  it("pre-subscribes the audience at publication with reject and change links, and lets it reject without approval", async () => {
    const a = await entityWithPeople();
    const { pkg } = await publishedPackage({ approvalMode: "automatic", status: "approved", audience: [a.e.id] });
    await db().transaction((tx) => publishPackage(tx, { packageId: pkg.id, revision: pkg.revision }));
    const [order] = await db().select().from(orders).where(eq(orders.packageId, pkg.id));
    expect(order).toMatchObject({ entityId: a.e.id, status: "approved" });
    const [mail] = (await mailsTo(a.member.email)).filter((n) => n.template === "campaign_subscribed" && n.eventKey.startsWith(`package:${pkg.id}`));
    expect(mail!.subject).toContain("You have been subscribed to the campaign");
    expect(mail!.payload).toMatchObject({ rejectUrl: expect.stringContaining("/links/"), changeUrl: expect.stringContaining("/links/") });
    // Changing the parameters needs no approval: the order stays Approved.
    expect(await editOwnOrderDef.run(a.op, { entity: a.e.internalName, orderId: order!.id, ...orderDetails({ label: "Ours" }) })).toMatchObject({ ok: true });
    expect(await orderRow(order!.id)).toMatchObject({ status: "approved", label: "Ours" });
    expect(await cancelOwnOrderDef.run(a.op, { entity: a.e.internalName, orderId: order!.id, comment: "" })).toMatchObject({ ok: true });
    expect((await orderRow(order!.id)).status).toBe("canceled");
  });
});

describe("registration reminders", () => {
  it("go to audience entities that have not registered, and stop once they have", async () => {
    const a = await entityWithPeople();
    const b = await entityWithPeople();
    const { pkg } = await publishedPackage({ audience: [a.e.id, b.e.id] });
    await placeOrderDef.run(a.op, { entity: a.e.internalName, packageId: pkg.id, ...orderDetails() });
    const remind = (index: number) => db().transaction((tx) => remindRegistration(tx, { packageId: pkg.id, revision: pkg.revision, index }));
    expect(await remind(0)).toEqual({ emails: 1 });
    expect(await remind(0)).toEqual({ emails: 0 });
    const reminders = await db().select().from(notifications).where(like(notifications.eventKey, `package:${pkg.id}:%registration-reminder%`));
    expect(reminders.map((n) => n.recipient)).toEqual([b.member.email]);
    await placeOrderDef.run(b.op, { entity: b.e.internalName, packageId: pkg.id, ...orderDetails() });
    expect(await remind(1)).toEqual({ emails: 0 });
  });

  it("are scheduled at publication for a manual collaborative package and removed by a cancellation", async () => {
    const { pkg } = await publishedPackage({ status: "approved", reminderDaysBefore: [3, 1] });
    await db().transaction((tx) => publishPackage(tx, { packageId: pkg.id, revision: pkg.revision }));
    const jobs = async () =>
      (await db().execute<{ key: string }>(
        `select key from graphile_worker._private_jobs where key like 'package:${pkg.id}:registration-reminder:%' order by key` as never,
      )).map((r) => r.key);
    expect(await jobs()).toEqual([`package:${pkg.id}:registration-reminder:0`, `package:${pkg.id}:registration-reminder:1`]);
    const central = await actorFor((await createUser({ role: "central" })).id);
    const { cancelPackageDef } = await import("../packages/actions");
    expect(await cancelPackageDef.run(central, { packageId: pkg.id, comment: "Stop" })).toMatchObject({ ok: true });
    expect(await jobs()).toEqual([]);
    expect((await db().query.packages.findFirst({ where: eq(packages.id, pkg.id) }))!.status).toBe("canceled");
  });
});

describe("after the review", () => {
  it("refuses a decision on values the reviewer never saw", async () => {
    const t = await entityWithPeople();
    const { pkg } = await publishedPackage({ fields: [textField("storeName", { label: "Store name" })] });
    const id = ((await placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: pkg.id, ...orderDetails({ parameters: { storeName: "A" } }) })) as { data: { id: string } }).data.id;
    const seen = (await orderRow(id)).updatedAt.toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await editOwnOrderDef.run(t.op, { entity: t.e.internalName, orderId: id, ...orderDetails({ parameters: { storeName: "B" } }) });
    expect(await reviewOrderDef.run(t.reviewer, { orderId: id, seen, decision: "accept" })).toMatchObject({ ok: false, code: "conflict", error: expect.stringMatching(/changed this order after you opened it/) });
    expect((await orderRow(id)).status).toBe("ordered");
    const fresh = (await orderRow(id)).updatedAt.toISOString();
    expect(await reviewOrderDef.run(t.reviewer, { orderId: id, seen: fresh, decision: "accept" })).toMatchObject({ ok: true });
  });

  it("keeps an automatic subscription the entity's own until the registration deadline, child campaign included", async () => {
    const t = await entityWithPeople();
    const fields = [textField("storeName", { label: "Store name", default: "Our store" }), textField("rate", { label: "Rate", type: "number", default: "10" })];
    const { pkg } = await publishedPackage({ approvalMode: "automatic", collaborativeType: "by_campaign", status: "approved", audience: [t.e.id], fields });
    await db().transaction((tx) => publishPackage(tx, { packageId: pkg.id, revision: pkg.revision }));
    const [order] = await db().select().from(orders).where(eq(orders.packageId, pkg.id));
    // Nobody filled the pre-subscription in: it starts from the template's defaults.
    expect(order!.parameters).toEqual({ storeName: "Our store", rate: 10 });
    await available(order!.id);
    const campaignId = (await orderRow(order!.id)).campaignId!;
    expect(await editOwnOrderDef.run(t.op, { entity: t.e.internalName, orderId: order!.id, ...orderDetails({ parameters: { storeName: "Nord", rate: "12" } }) })).toMatchObject({ ok: true });
    expect((await db().query.campaigns.findFirst({ where: eq(campaigns.id, campaignId) }))!.personalization).toEqual({ storeName: "Nord", rate: 12 });
    expect(await cancelOwnOrderDef.run(t.op, { entity: t.e.internalName, orderId: order!.id, comment: "" })).toMatchObject({ ok: true });
    expect((await db().query.campaigns.findFirst({ where: eq(campaigns.id, campaignId) }))!.status).toBe("canceled");
  });

  it("creates nothing for an approved order whose collaborative package was canceled meanwhile", async () => {
    const t = await entityWithPeople();
    const { pkg } = await publishedPackage({ collaborativeType: "by_campaign" });
    const id = ((await placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: pkg.id, ...orderDetails() })) as { data: { id: string } }).data.id;
    await reviewOrderDef.run(t.reviewer, { orderId: id, decision: "accept" });
    await db().update(packages).set({ status: "canceled" }).where(eq(packages.id, pkg.id));
    expect(await available(id)).toEqual({ available: false });
    expect(await orderRow(id)).toMatchObject({ status: "approved", campaignId: null });
  });

  it("names each copy uniquely even when the names are long", async () => {
    const long = "x".repeat(60);
    const e1 = await createLocalEntity();
    await db().update(entities).set({ internalName: `${long}-a`.slice(0, 60) }).where(eq(entities.id, e1.id));
    const op = await actorFor((await createUser({ role: "local", entityIds: [e1.id] })).id);
    const central = await actorFor((await createUser({ role: "central" })).id);
    const { pkg, campaign } = await publishedPackage({ kind: "local", registrationDeadline: null, enableMultipleCreation: true });
    await db().update(campaigns).set({ internalName: `${long}-ref-${Date.now()}`.slice(0, 60) }).where(eq(campaigns.id, campaign.id));
    const entity = (await db().query.entities.findFirst({ where: eq(entities.id, e1.id) }))!.internalName;
    for (let i = 0; i < 2; i++) {
      const id = ((await placeOrderDef.run(op, { entity, packageId: pkg.id, ...orderDetails() })) as { data: { id: string } }).data.id;
      await reviewOrderDef.run(central, { orderId: id, decision: "accept" });
      expect(await available(id)).toMatchObject({ available: true });
    }
  });
});

describe("a collaborative cancellation", () => {
  it("also cancels the child campaigns and stops their workflows", async () => {
    const t = await entityWithPeople();
    const { pkg } = await publishedPackage({ collaborativeType: "by_campaign" });
    const id = ((await placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: pkg.id, ...orderDetails() })) as { data: { id: string } }).data.id;
    await reviewOrderDef.run(t.reviewer, { orderId: id, decision: "accept" });
    await available(id);
    const childId = (await orderRow(id)).campaignId!;
    await db().update(workflows).set({ status: "started" }).where(eq(workflows.campaignId, childId));
    const central = await actorFor((await createUser({ role: "central" })).id);
    const { cancelPackageDef } = await import("../packages/actions");
    const { runCancelCascade } = await import("../packages/cascade");
    expect(await cancelPackageDef.run(central, { packageId: pkg.id, comment: "Withdrawn" })).toMatchObject({ ok: true });
    const revision = (await db().query.packages.findFirst({ where: eq(packages.id, pkg.id) }))!.revision;
    await runCancelCascade(db(), { packageId: pkg.id, revision });
    expect((await db().query.campaigns.findFirst({ where: eq(campaigns.id, childId) }))!.status).toBe("canceled");
    expect((await db().select().from(workflows).where(eq(workflows.campaignId, childId))).map((w) => w.status)).toEqual(["stopped"]);
    expect((await orderRow(id)).status).toBe("canceled");
  });
});
