import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { actionTokens } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { hashToken, inspectActionToken } from "../links/tokens";
import { actorFor, createUser, twoTenants } from "../testing/factories";
import { approvalRows, deliveryEmails, deliveryRow, referenceDelivery } from "../testing/delivery-factories";
import { reviewDeliveryApprovalDef, reviewDeliveryFromLinkDef, submitDeliveryDef } from "./actions";
import { notifyDeliveryApprovals } from "./approval-mail";

// Accept or reject a delivery's approvals (§7), from the screen and from the email link.

const db = () => getDb();

async function submitted(central: Actor, over: Parameters<typeof referenceDelivery>[0] = {}) {
  const { delivery } = await referenceDelivery({ approvalKinds: ["target", "content"], ...over });
  const res = await submitDeliveryDef.run(central, { deliveryId: delivery.id });
  if (!res.ok) throw new Error(JSON.stringify(res));
  return delivery.id;
}

/** The raw token of the [Delivery approval] link a reviewer received. */
async function linkFor(deliveryId: string, reviewer: Actor) {
  await db().transaction((tx) => notifyDeliveryApprovals(tx, { deliveryIds: [deliveryId] }));
  const mail = (await deliveryEmails(deliveryId, "approval:")).find((n) => n.recipient === reviewer.email);
  return String(mail!.payload.url).split("/links/")[1]!;
}

describe("reviewing a delivery on the screen", () => {
  let central: Actor;
  let reviewer: Actor;
  let other: Actor;
  beforeAll(async () => {
    central = (await twoTenants()).central;
    reviewer = await actorFor((await createUser({ role: "central" })).id);
    other = await actorFor((await createUser({ role: "central" })).id);
  });
  const decide = (actor: Actor, deliveryId: string, kind: string, decision: string, comment = "") => reviewDeliveryApprovalDef.run(actor, { deliveryId, kind, decision, comment });

  it("approves kind by kind; the last approval makes it Pending confirmation", async () => {
    const id = await submitted(central, { reviewerIds: [reviewer.userId] });
    expect(await decide(reviewer, id, "target", "accept")).toMatchObject({ ok: true, data: { status: "to_validate" } });
    expect(await decide(reviewer, id, "content", "accept", "Nice")).toMatchObject({ ok: true, data: { status: "pending_confirmation" } });
    expect((await deliveryRow(id)).status).toBe("pending_confirmation");
    expect((await approvalRows(id)).map((r) => [r.kind, r.status, r.decidedById])).toEqual([
      ["content", "approved", reviewer.userId],
      ["target", "approved", reviewer.userId],
    ]);
  });

  it("lets only the named reviewers answer, or any central operator when none is named", async () => {
    const named = await submitted(central, { reviewerIds: [reviewer.userId] });
    expect(await decide(other, named, "target", "accept")).toMatchObject({ ok: false, code: "forbidden" });
    expect((await approvalRows(named)).every((r) => r.status === "pending")).toBe(true);
    const open = await submitted(central, { reviewerIds: [] });
    expect(await decide(other, open, "target", "accept")).toMatchObject({ ok: true });
  });

  it("lets the first answer win", async () => {
    const id = await submitted(central, { reviewerIds: [] });
    const [first, second] = await Promise.all([decide(reviewer, id, "target", "accept"), decide(other, id, "target", "reject", "Too wide")]);
    const results = [first, second];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "conflict" });
    const target = (await approvalRows(id)).find((r) => r.kind === "target")!;
    expect(target.decidedById).toBe(first.ok ? reviewer.userId : other.userId);
  });

  it("rejecting needs a comment and sends the delivery back to Being edited with it", async () => {
    const id = await submitted(central, { reviewerIds: [reviewer.userId] });
    expect(await decide(reviewer, id, "content", "reject")).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(String) } });
    expect((await deliveryRow(id)).status).toBe("to_validate");
    expect(await decide(reviewer, id, "content", "reject", "The offer ended")).toMatchObject({ ok: true, data: { status: "being_edited" } });
    expect(await deliveryRow(id)).toMatchObject({ status: "being_edited" });
    expect((await approvalRows(id)).find((r) => r.kind === "content")).toMatchObject({ status: "rejected", comment: "The offer ended" });
    // The other kind can no longer be answered; a new submit starts a fresh round.
    expect(await decide(reviewer, id, "target", "accept")).toMatchObject({ ok: false, code: "conflict" });
    await submitDeliveryDef.run(central, { deliveryId: id });
    expect((await approvalRows(id)).map((r) => [r.status, r.comment])).toEqual([["pending", ""], ["pending", ""]]);
  });
});

describe("Accept or reject from the [Delivery approval] link", () => {
  let central: Actor;
  let reviewer: Actor;
  let otherReviewer: Actor;
  let local: Actor;
  beforeAll(async () => {
    const t = await twoTenants();
    central = t.central;
    local = t.opA;
    reviewer = await actorFor((await createUser({ role: "central" })).id);
    otherReviewer = await actorFor((await createUser({ role: "central" })).id);
  });
  const all = (decision: "accept" | "reject", comment = "") => [
    { kind: "target", decision, comment },
    { kind: "content", decision, comment },
  ];

  it("answers every waiting approval once, for the reviewer it was made for; a second use is refused", async () => {
    const id = await submitted(central, { reviewerIds: [reviewer.userId, otherReviewer.userId] });
    const token = await linkFor(id, reviewer);
    expect(await reviewDeliveryFromLinkDef.run(reviewer, { token, decisions: all("accept") })).toMatchObject({ ok: true, data: { status: "pending_confirmation" } });
    expect((await inspectActionToken(db(), token)).state).toBe("used");
    expect(await reviewDeliveryFromLinkDef.run(reviewer, { token, decisions: all("reject", "No") })).toMatchObject({ ok: false, code: "link_invalid" });
    // The other reviewer's link has nothing left to answer.
    const theirs = (await deliveryEmails(id, "approval:")).find((n) => n.recipient === otherReviewer.email)!;
    expect((await inspectActionToken(db(), String(theirs.payload.url).split("/links/")[1]!)).state).toBe("used");
    expect((await deliveryRow(id)).status).toBe("pending_confirmation");
  });

  it("refuses another person, a tampered and an expired link, changing nothing and keeping the link", async () => {
    const id = await submitted(central, { reviewerIds: [reviewer.userId, otherReviewer.userId] });
    const token = await linkFor(id, reviewer);
    expect(await reviewDeliveryFromLinkDef.run(otherReviewer, { token, decisions: all("accept") })).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await reviewDeliveryFromLinkDef.run(local, { token, decisions: all("accept") })).toMatchObject({ ok: false, code: "not_found" });
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await reviewDeliveryFromLinkDef.run(reviewer, { token: tampered, decisions: all("accept") })).toMatchObject({ ok: false, code: "link_invalid" });
    // Rejecting needs a comment; the refusal does not spend the link.
    expect(await reviewDeliveryFromLinkDef.run(reviewer, { token, decisions: all("reject") })).toMatchObject({ ok: false, fieldErrors: { "decisions.0.comment": expect.any(String) } });
    expect((await inspectActionToken(db(), token)).state).toBe("valid");
    expect((await approvalRows(id)).every((r) => r.status === "pending")).toBe(true);
    await db().update(actionTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(actionTokens.tokenHash, hashToken(token)));
    expect(await reviewDeliveryFromLinkDef.run(reviewer, { token, decisions: all("accept") })).toMatchObject({ ok: false, code: "link_invalid" });
    expect((await deliveryRow(id)).status).toBe("to_validate");
  });

  it("refuses a late answer after someone else decided, keeping the link unspent", async () => {
    const id = await submitted(central, { reviewerIds: [reviewer.userId, otherReviewer.userId] });
    const token = await linkFor(id, reviewer);
    expect(await reviewDeliveryApprovalDef.run(otherReviewer, { deliveryId: id, kind: "target", decision: "accept", comment: "" })).toMatchObject({ ok: true });
    expect(await reviewDeliveryFromLinkDef.run(reviewer, { token, decisions: all("reject", "Wrong segment") })).toMatchObject({ ok: false, code: "conflict" });
    expect((await approvalRows(id)).map((r) => r.status)).toEqual(["pending", "approved"]);
    expect((await inspectActionToken(db(), token)).state).toBe("valid");
    // Answering what is still waiting works.
    expect(await reviewDeliveryFromLinkDef.run(reviewer, { token, decisions: [{ kind: "content", decision: "reject", comment: "Typo" }] })).toMatchObject({ ok: true, data: { status: "being_edited" } });
  });
});
