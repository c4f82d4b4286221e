import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { notifications, orders, packageCascades, packageJournal, packages } from "../../db/schema";
import type { ActionResult } from "../actions";
import type { Actor } from "../auth/actor";
import { placeOrderDef, reviewOrderDef } from "../orders/actions";
import { actorFor, createUser } from "../testing/factories";
import { entityWithPeople, orderDetails, publishedPackage } from "../testing/order-factories";
import { createPackageFor, createReferenceCampaign, packageInput } from "../testing/package-factories";
import { cancelPackageDef, reinitializePackageDef, reviewPackageDef, submitPackageDef } from "./actions";

// Issue 8, races: 20 concurrent attempts at the same transition. Exactly one goes through; each
// of the other 19 is refused with a message that says why, and nothing is written twice.

const ATTEMPTS = 20;
const db = () => getDb();

async function centralActors(n: number): Promise<Actor[]> {
  return Promise.all(Array.from({ length: n }, async () => actorFor((await createUser({ role: "central" })).id)));
}

/** All at once: the calls start before any has answered. */
const race = <T>(attempt: (i: number) => Promise<ActionResult<T>>) => Promise.all(Array.from({ length: ATTEMPTS }, (_, i) => attempt(i)));

function expectOneWinner<T>(results: ActionResult<T>[], refusal: RegExp) {
  const won = results.filter((r) => r.ok);
  const refused = results.filter((r) => !r.ok);
  expect(won, JSON.stringify(refused.slice(0, 2))).toHaveLength(1);
  for (const r of refused) expect(r).toMatchObject({ ok: false, code: "conflict", error: expect.stringMatching(refusal) });
  return won[0]!;
}

const journal = (packageId: string, action: string) =>
  db().select().from(packageJournal).where(and(eq(packageJournal.packageId, packageId), eq(packageJournal.action, action)));

describe("20 operators at once on one package", () => {
  let central: Actor[];
  beforeAll(async () => {
    central = await centralActors(ATTEMPTS);
  });

  async function pendingPackage() {
    const { campaign } = await createReferenceCampaign("local");
    const id = await createPackageFor(central[0]!, packageInput(campaign.id, { kind: "local", limitToAudience: false, registrationDeadline: "", sendNotificationOnPublication: false }));
    await submitPackageDef.run(central[0]!, { packageId: id });
    return id;
  }

  it("approve: one approval, one journal line, one revision step", async () => {
    const id = await pendingPackage();
    const before = (await db().query.packages.findFirst({ where: eq(packages.id, id) }))!;
    const results = await race((i) => reviewPackageDef.run(central[i]!, { packageId: id, decision: "accept" }));
    expectOneWinner(results, /approved now: "Approved" no longer applies/);
    const after = (await db().query.packages.findFirst({ where: eq(packages.id, id) }))!;
    expect(after.status).toBe("approved");
    expect(after.revision).toBe(before.revision + 1);
    expect(await journal(id, "Approved")).toHaveLength(1);
  });

  it("approve against reject: one decision stands", async () => {
    const id = await pendingPackage();
    const results = await race((i) =>
      reviewPackageDef.run(central[i]!, i % 2 ? { packageId: id, decision: "accept" } : { packageId: id, decision: "reject", comment: `No, says ${i}` }),
    );
    expectOneWinner(results, /(approved|rejected) now: "(Approved|Rejected)" no longer applies/);
    const after = (await db().query.packages.findFirst({ where: eq(packages.id, id) }))!;
    expect((await journal(id, "Approved")).length + (await journal(id, "Rejected")).length).toBe(1);
    expect(["approved", "rejected"]).toContain(after.status);
  });

  it("cancel: one cancellation, one cascade", async () => {
    const { pkg } = await publishedPackage();
    const results = await race((i) => cancelPackageDef.run(central[i]!, { packageId: pkg.id, comment: `Canceled by ${i}` }));
    const won = expectOneWinner(results, /canceled now: "Canceled" no longer applies/);
    expect(await journal(pkg.id, "Canceled")).toHaveLength(1);
    // The comment kept is the winner's, and one cascade is queued for it.
    const row = (await db().query.packages.findFirst({ where: eq(packages.id, pkg.id) }))!;
    expect(results.indexOf(won)).toBe(Number(row.cancelComment!.replace("Canceled by ", "")));
    expect(await db().select().from(packageCascades).where(eq(packageCascades.packageId, pkg.id))).toHaveLength(1);
  });

  it("reinitialize: back to Being edited once", async () => {
    const { pkg } = await publishedPackage({ status: "canceled" });
    const results = await race((i) => reinitializePackageDef.run(central[i]!, { packageId: pkg.id }));
    expectOneWinner(results, /being edited now: "Reinitialized to reuse it" no longer applies/);
    expect((await db().query.packages.findFirst({ where: eq(packages.id, pkg.id) }))!.status).toBe("being_edited");
    expect(await journal(pkg.id, "Reinitialized to reuse it")).toHaveLength(1);
  });
});

describe("20 orders at once where one is allowed", () => {
  it("creates one order for a package without multiple creation; the others are told why", async () => {
    const { pkg } = await publishedPackage({ enableMultipleCreation: false });
    const t = await entityWithPeople();
    const results = await race((i) => placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: pkg.id, ...orderDetails({ label: `Order ${i}` }) }));
    expectOneWinner(results, /already has a live order for this package/);
    expect(await db().select().from(orders).where(eq(orders.packageId, pkg.id))).toHaveLength(1);
  });

  it("approves an order once, however many reviewers answer at the same moment", async () => {
    const { pkg } = await publishedPackage();
    const t = await entityWithPeople();
    const placed = await placeOrderDef.run(t.op, { entity: t.e.internalName, packageId: pkg.id, ...orderDetails() });
    const orderId = (placed as { data: { id: string } }).data.id;
    const reviewers = await centralActors(ATTEMPTS);
    const results = await race((i) => reviewOrderDef.run(reviewers[i]!, { orderId, decision: "accept" }));
    expectOneWinner(results, /./);
    const row = (await db().query.orders.findFirst({ where: eq(orders.id, orderId) }))!;
    expect(row.status).toBe("approved");
    // Whatever the approval emails, it emails once: no event key twice.
    const keys = (await db().select({ key: notifications.eventKey }).from(notifications).where(like(notifications.eventKey, `order:${orderId}:%`))).map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
