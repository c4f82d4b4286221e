import { eq, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { actionTokens, entities, notifications, orders, packageCascades, packages } from "../../db/schema";
import { hashToken } from "../links/tokens";
import type { Actor } from "../auth/actor";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { campaignState, createPackageFor, createReferenceCampaign, notificationMember, packageInput } from "../testing/package-factories";
import { cancelPackageDef, reviewPackageDef, submitPackageDef } from "./actions";
import { runCancelCascade } from "./cascade";
import { publishPackage } from "./publish";

const db = () => getDb();

async function publishedWithOrders(central: Actor, kind: "local" | "collaborative", entities: number) {
  const { campaign } = await createReferenceCampaign(kind === "local" ? "local" : "collaborative", "by_form");
  const ents = await Promise.all(Array.from({ length: entities }, () => createLocalEntity()));
  const members = await Promise.all(ents.map((e) => notificationMember(e.id)));
  const id = await createPackageFor(
    central,
    packageInput(campaign.id, kind === "local" ? { kind, limitToAudience: false, registrationDeadline: "", sendNotificationOnPublication: false } : { audience: ents.map((e) => e.id), sendNotificationOnPublication: false }),
  );
  await submitPackageDef.run(central, { packageId: id });
  await reviewPackageDef.run(central, { packageId: id, decision: "accept" });
  const { revision } = (await db().query.packages.findFirst({ where: eq(packages.id, id) }))!;
  await db().transaction((tx) => publishPackage(tx, { packageId: id, revision }));
  const statuses = ["ordered", "approved", "available", "rejected"] as const;
  await db().insert(orders).values(ents.map((e, i) => ({ packageId: id, entityId: e.id, label: "Order", status: statuses[i % statuses.length]! })));
  return { id, campaign, ents, members };
}

describe("cancelling a package", () => {
  let central: Actor;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
  });

  it("needs a comment", async () => {
    const { id } = await publishedWithOrders(central, "collaborative", 1);
    expect(await cancelPackageDef.run(central, { packageId: id, comment: "  " })).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(String) } });
  });

  it("cascades for a collaborative package: orders, campaign, workflows, deliveries, one email per entity; a replay changes nothing", async () => {
    const { id, campaign, ents, members } = await publishedWithOrders(central, "collaborative", 4);
    // A second member in one entity's group: the entity still gets exactly one email.
    const extra = await notificationMember(ents[0]!.id);
    expect(await cancelPackageDef.run(central, { packageId: id, comment: "Supplier withdrew" })).toMatchObject({ ok: true, data: { status: "canceled", cascade: true } });
    const [cascade] = await db().select().from(packageCascades).where(eq(packageCascades.packageId, id));
    expect(cascade!.finishedAt).toBeNull();

    const result = await runCancelCascade(db(), { packageId: id, revision: cascade!.revision });
    expect(result).toEqual({ ran: true, ordersCanceled: 3, entitiesNotified: 4 });
    const after = await db().select().from(orders).where(eq(orders.packageId, id));
    expect(after.map((o) => o.status).sort()).toEqual(["canceled", "canceled", "canceled", "rejected"]);
    expect(await campaignState(campaign.id)).toEqual({ campaign: "canceled", workflows: ["stopped"], deliveries: ["finished", "stopped"] });

    const mails = await db().select().from(notifications).where(like(notifications.eventKey, `package:${id}:cancel:%`));
    expect(mails).toHaveLength(4);
    expect(mails.every((m) => m.template === "package_canceled" && (m.payload as { comment: string }).comment === "Supplier withdrew")).toBe(true);
    const first = mails.find((m) => m.entityId === ents[0]!.id)!;
    expect(first.recipient.split(", ").sort()).toEqual([members[0]!.email, extra.email].sort());
    // Its link is signed and expiring, made for the entity's group rather than one person.
    const token = String((first.payload as { url: string }).url).split("/links/")[1]!;
    const link = await db().query.actionTokens.findFirst({ where: eq(actionTokens.tokenHash, hashToken(token)) });
    expect(link).toMatchObject({ purpose: "package_offer", userId: null, entityId: ents[0]!.id, subjectId: id, usedAt: null });

    expect(await runCancelCascade(db(), { packageId: id, revision: cascade!.revision })).toEqual({ ran: false, ordersCanceled: 0, entitiesNotified: 0 });
    expect(await db().select().from(notifications).where(like(notifications.eventKey, `package:${id}:cancel:%`))).toHaveLength(4);
  });

  it("emails an entity without a group at its own address, and an entity with neither not at all", async () => {
    const { id, ents } = await publishedWithOrders(central, "collaborative", 1);
    const [addressOnly, unreachable] = [await createLocalEntity(), await createLocalEntity()];
    const shop = `shop-${addressOnly.internalName}@test.local`;
    await db().update(entities).set({ email: shop }).where(eq(entities.id, addressOnly.id));
    await db().insert(orders).values([addressOnly, unreachable].map((e) => ({ packageId: id, entityId: e.id, label: "Order", status: "ordered" as const })));
    await cancelPackageDef.run(central, { packageId: id, comment: "Stop" });
    const [cascade] = await db().select().from(packageCascades).where(eq(packageCascades.packageId, id));
    expect(await runCancelCascade(db(), { packageId: id, revision: cascade!.revision })).toEqual({ ran: true, ordersCanceled: 3, entitiesNotified: 2 });
    const mails = await db().select().from(notifications).where(like(notifications.eventKey, `package:${id}:cancel:%`));
    expect(mails.map((m) => m.entityId).sort()).toEqual([ents[0]!.id, addressOnly.id].sort());
    const toShop = mails.find((m) => m.entityId === addressOnly.id)!;
    expect(toShop).toMatchObject({ recipient: shop, subject: expect.stringContaining("[Cancellation of package]") });
    const token = String((toShop.payload as { url: string }).url).split("/links/")[1]!;
    expect(await db().query.actionTokens.findFirst({ where: eq(actionTokens.tokenHash, hashToken(token)) })).toMatchObject({ email: shop, userId: null, entityId: addressOnly.id });
  });

  it("enqueues the cascade in the cancel's own transaction", async () => {
    const { id } = await publishedWithOrders(central, "collaborative", 1);
    await cancelPackageDef.run(central, { packageId: id, comment: "Stop" });
    const jobs = await db().execute(sql`select 1 from graphile_worker.jobs where task_identifier = 'cascade_package_cancel' and key like ${`package:${id}:cascade:%`}`);
    expect([...jobs]).toHaveLength(1);
  });

  it("only takes a local package out of the catalog: its orders stay", async () => {
    const { id } = await publishedWithOrders(central, "local", 2);
    expect(await cancelPackageDef.run(central, { packageId: id, comment: "Out of season" })).toMatchObject({ ok: true, data: { cascade: false } });
    const after = await db().select().from(orders).where(eq(orders.packageId, id));
    expect(after.map((o) => o.status).sort()).toEqual(["approved", "ordered"]);
    expect(await db().select().from(packageCascades).where(eq(packageCascades.packageId, id))).toHaveLength(0);
  });

  it("lets exactly one of many concurrent cancels through, and refuses the others clearly", async () => {
    const { id } = await publishedWithOrders(central, "collaborative", 1);
    const others = await Promise.all(Array.from({ length: 5 }, async () => actorFor((await createUser({ role: "central" })).id)));
    const results = await Promise.all([central, ...others].map((a) => cancelPackageDef.run(a, { packageId: id, comment: `by ${a.name}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ code: "conflict", error: expect.stringContaining("canceled now") });
    }
    expect(await db().select().from(packageCascades).where(eq(packageCascades.packageId, id))).toHaveLength(1);
  });
});
