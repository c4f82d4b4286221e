import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { actionTokens, entityGroupMembers, orders, packages } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { createActionToken, hashToken, inspectActionToken, type TokenPurpose } from "../links/tokens";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { orderDetails, publishedPackage } from "../testing/order-factories";
import { placeOrderDef, rejectSubscriptionFromLinkDef, reviewOrderFromLinkDef } from "./actions";

// The link-facing side of orders (§5): a link names one action for one person, works once, and a
// refusal changes nothing, the link included.

const db = () => getDb();
const orderRow = async (id: string) => (await db().query.orders.findFirst({ where: eq(orders.id, id) }))!;
const tokenFor = async (purpose: TokenPurpose, actor: Actor, entityId: string, orderId: string) =>
  (await createActionToken(db(), { purpose, email: actor.email, userId: actor.userId, entityId, subjectId: orderId })).token;

async function member(entityIds: string[], group?: "order_reviewers") {
  const user = await createUser({ role: "local", entityIds });
  if (group) await db().insert(entityGroupMembers).values({ entityId: entityIds[0]!, group, userId: user.id });
  return actorFor(user.id);
}

describe("Accept or reject from the [Approval of order] link", () => {
  let entity: { id: string; internalName: string };
  let op: Actor;
  let reviewer: Actor;
  let otherReviewer: Actor;
  let packageId: string;
  const place = async () => {
    const res = await placeOrderDef.run(op, { entity: entity.internalName, packageId, ...orderDetails() });
    if (!res.ok) throw new Error(JSON.stringify(res));
    return (res.data as { id: string }).id;
  };
  beforeAll(async () => {
    entity = await createLocalEntity();
    op = await member([entity.id]);
    reviewer = await member([entity.id], "order_reviewers");
    otherReviewer = await member([entity.id], "order_reviewers");
    packageId = (await publishedPackage({ enableMultipleCreation: true })).pkg.id;
  });

  it("accepts once, for the reviewer it was made for; a second use is refused", async () => {
    const id = await place();
    const token = await tokenFor("order_review", reviewer, entity.id, id);
    const res = await reviewOrderFromLinkDef.run(reviewer, { token, decision: "accept", comment: "" });
    expect(res).toMatchObject({ ok: true, data: { id, status: "approved" } });
    expect(await orderRow(id)).toMatchObject({ status: "approved", decidedById: reviewer.userId });
    expect((await inspectActionToken(db(), token)).state).toBe("used");
    expect(await reviewOrderFromLinkDef.run(reviewer, { token, decision: "reject", comment: "Changed my mind" })).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await orderRow(id)).toMatchObject({ status: "approved" });
  });

  it("refuses an expired link and a tampered one, changing nothing", async () => {
    const id = await place();
    const token = await tokenFor("order_review", reviewer, entity.id, id);
    await db().update(actionTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(actionTokens.tokenHash, hashToken(token)));
    expect(await reviewOrderFromLinkDef.run(reviewer, { token, decision: "accept", comment: "" })).toMatchObject({ ok: false, code: "link_invalid" });
    const fresh = await tokenFor("order_review", reviewer, entity.id, id);
    const tampered = `${fresh.slice(0, -1)}${fresh.endsWith("A") ? "B" : "A"}`;
    expect(await reviewOrderFromLinkDef.run(reviewer, { token: tampered, decision: "accept", comment: "" })).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await orderRow(id)).toMatchObject({ status: "ordered" });
    expect((await inspectActionToken(db(), fresh)).state).toBe("valid");
  });

  it("refuses another person and changes nothing, the link staying usable by its reviewer", async () => {
    const id = await place();
    const token = await tokenFor("order_review", reviewer, entity.id, id);
    // Even another reviewer of the same entity, and even the person who ordered.
    for (const someone of [otherReviewer, op]) {
      expect(await reviewOrderFromLinkDef.run(someone, { token, decision: "accept", comment: "" })).toMatchObject({ ok: false, code: "link_invalid" });
    }
    expect(await orderRow(id)).toMatchObject({ status: "ordered", decidedById: null });
    expect((await inspectActionToken(db(), token)).state).toBe("valid");
    // Rejecting needs a comment, and a refused attempt does not spend the link either.
    expect(await reviewOrderFromLinkDef.run(reviewer, { token, decision: "reject", comment: "" })).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(String) } });
    expect(await reviewOrderFromLinkDef.run(reviewer, { token, decision: "reject", comment: "Wrong store" })).toMatchObject({ ok: true, data: { status: "rejected" } });
    expect(await orderRow(id)).toMatchObject({ status: "rejected", statusComment: "Wrong store" });
  });

  it("spends the other reviewers' links once the order is answered, and refuses a link for another action", async () => {
    const id = await place();
    const mine = await tokenFor("order_review", reviewer, entity.id, id);
    const theirs = await tokenFor("order_review", otherReviewer, entity.id, id);
    const view = await tokenFor("order_parameters", reviewer, entity.id, id);
    expect(await reviewOrderFromLinkDef.run(reviewer, { token: view, decision: "accept", comment: "" })).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await orderRow(id)).toMatchObject({ status: "ordered" });
    expect(await reviewOrderFromLinkDef.run(reviewer, { token: mine, decision: "accept", comment: "" })).toMatchObject({ ok: true });
    expect(await reviewOrderFromLinkDef.run(otherReviewer, { token: theirs, decision: "reject", comment: "Too late?" })).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await orderRow(id)).toMatchObject({ status: "approved", decidedById: reviewer.userId });
  });
});

describe("Reject the subscription from the email link", () => {
  let entity: { id: string; internalName: string };
  let other: { id: string; internalName: string };
  let packageId: string;
  let person: Actor;
  let colleague: Actor;
  let outsider: Actor;
  let both: Actor;
  const subscribed = async (entityId: string) => {
    const [row] = await db().insert(orders).values({ packageId, entityId, label: "Subscribed", status: "approved" }).returning({ id: orders.id });
    return row!.id;
  };
  beforeAll(async () => {
    entity = await createLocalEntity();
    other = await createLocalEntity();
    person = await member([entity.id]);
    colleague = await member([entity.id]);
    outsider = await member([other.id]);
    both = await member([entity.id, other.id]);
    packageId = (await publishedPackage({ approvalMode: "automatic", enableMultipleCreation: true })).pkg.id;
  });

  it("cancels the order for the person it was sent to, once, and closes the entity's other links", async () => {
    const id = await subscribed(entity.id);
    const token = await tokenFor("subscription_reject", person, entity.id, id);
    const change = await tokenFor("order_change", person, entity.id, id);
    const res = await rejectSubscriptionFromLinkDef.run(person, { token });
    expect(res).toMatchObject({ ok: true, data: { id, status: "canceled", entity: entity.internalName } });
    expect(await orderRow(id)).toMatchObject({ status: "canceled", decidedById: person.userId });
    expect((await inspectActionToken(db(), change)).state).toBe("used");
    expect(await rejectSubscriptionFromLinkDef.run(person, { token })).toMatchObject({ ok: false, code: "link_invalid" });
  });

  it("refuses anyone else, a person outside the link's entity, and an order of another entity, changing nothing", async () => {
    const id = await subscribed(entity.id);
    const token = await tokenFor("subscription_reject", person, entity.id, id);
    // A colleague in the same entity is not the person the link was sent to.
    expect(await rejectSubscriptionFromLinkDef.run(colleague, { token })).toMatchObject({ ok: false, code: "link_invalid" });
    // A link made for someone who is not (or no longer) a member of the entity it names.
    const outsiders = await tokenFor("subscription_reject", outsider, entity.id, id);
    expect(await rejectSubscriptionFromLinkDef.run(outsider, { token: outsiders })).toMatchObject({ ok: false, code: "link_invalid" });
    // A link naming one entity cannot reach another entity's order, even for a member of both.
    const crossed = await tokenFor("subscription_reject", both, other.id, id);
    expect(await rejectSubscriptionFromLinkDef.run(both, { token: crossed })).toMatchObject({ ok: false, code: "link_invalid" });
    // Another purpose's link does not reject either.
    const change = await tokenFor("order_change", person, entity.id, id);
    expect(await rejectSubscriptionFromLinkDef.run(person, { token: change })).toMatchObject({ ok: false, code: "link_invalid" });

    expect(await orderRow(id)).toMatchObject({ status: "approved", decidedById: null });
    for (const t of [token, outsiders, crossed, change]) expect((await inspectActionToken(db(), t)).state).toBe("valid");
    expect(await rejectSubscriptionFromLinkDef.run(person, { token })).toMatchObject({ ok: true, data: { status: "canceled" } });
  });

  it("refuses once the subscription can no longer be rejected, leaving the link unspent", async () => {
    const id = await subscribed(entity.id);
    // Past the registration deadline the subscription is the central team's to change.
    await db().update(packages).set({ registrationDeadline: new Date(Date.now() - 60_000) }).where(eq(packages.id, packageId));
    const token = await tokenFor("subscription_reject", person, entity.id, id);
    expect(await rejectSubscriptionFromLinkDef.run(person, { token })).toMatchObject({ ok: false, code: "conflict", error: expect.stringMatching(/registration period is over/) });
    await db().update(packages).set({ registrationDeadline: new Date(Date.now() + 86_400_000) }).where(eq(packages.id, packageId));
    expect(await orderRow(id)).toMatchObject({ status: "approved" });
    expect((await inspectActionToken(db(), token)).state).toBe("valid");
  });
});
