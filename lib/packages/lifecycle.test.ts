import { and, asc, eq, like, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { notifications, orders, packageJournal, packages } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { createPackageFor, createReferenceCampaign, notificationMember, packageInput } from "../testing/package-factories";
import { createPackageDef, reinitializePackageDef, reviewPackageDef, reviewPackageFromLinkDef, submitPackageDef, updatePackageDef } from "./actions";
import { publishKey } from "./jobs";
import { publishPackage } from "./publish";

const db = () => getDb();
const status = async (id: string) => (await db().query.packages.findFirst({ where: eq(packages.id, id) }))!.status;
const jobByKey = async (key: string) =>
  [...(await db().execute<{ run_at: Date }>(sql`select run_at from graphile_worker.jobs where key = ${key}`))][0];
const mailsTo = (recipient: string) => db().select().from(notifications).where(eq(notifications.recipient, recipient));
const linkToken = (n: { payload: Record<string, unknown> }) => String(n.payload.url).split("/links/")[1]!;

describe("campaign package lifecycle", () => {
  let central: Actor;
  let reviewerA: Actor;
  let reviewerB: Actor;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
    reviewerA = await actorFor((await createUser({ role: "central" })).id);
    reviewerB = await actorFor((await createUser({ role: "central" })).id);
  });

  it("shows an incoherent date on its field and refuses a local campaign as reference", async () => {
    const { campaign } = await createReferenceCampaign();
    const bad = await createPackageDef.run(central, packageInput(campaign.id, { availableAt: "2020-01-01T00:00", registrationDeadline: "" }));
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { availableAt: "Must not be before Start.", registrationDeadline: "A collaborative package needs a registration deadline." },
    });
    const entity = await createLocalEntity();
    await db().execute(sql`update campaigns set entity_id = ${entity.id} where id = ${campaign.id}`);
    expect(await createPackageDef.run(central, packageInput(campaign.id))).toMatchObject({
      ok: false,
      fieldErrors: { referenceCampaignId: "Choose a central reference campaign." },
    });
  });

  it("needs an audience to submit a by-form package, then emails each reviewer and schedules reminders", async () => {
    const { campaign } = await createReferenceCampaign("collaborative", "by_form");
    const id = await createPackageFor(central, packageInput(campaign.id, { reviewers: [reviewerA.userId, reviewerB.userId] }));
    expect(await submitPackageDef.run(central, { packageId: id })).toMatchObject({ ok: false, fieldErrors: { audience: expect.stringContaining("audience") } });
    expect(await status(id)).toBe("being_edited");

    const entity = await createLocalEntity();
    const input = packageInput(campaign.id, { reviewers: [reviewerA.userId, reviewerB.userId], audience: [entity.id], approvalDelayDays: 3, reminderDaysBefore: [1, 2] });
    expect(await updatePackageDef.run(central, { ...input, internalName: (await db().query.packages.findFirst({ where: eq(packages.id, id) }))!.internalName, id })).toMatchObject({ ok: true });
    expect(await submitPackageDef.run(central, { packageId: id })).toMatchObject({ ok: true, data: { status: "pending_approval", reviewersEmailed: 2 } });

    const pkg = (await db().query.packages.findFirst({ where: eq(packages.id, id) }))!;
    expect(pkg.approvalDeadline!.getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 60_000);
    const [mail] = await mailsTo(reviewerA.email);
    expect(mail).toMatchObject({ template: "package_approval", subject: expect.stringContaining("[Campaign package approval]") });
    expect(await jobByKey(`package:${id}:reminder:0`)).toBeDefined();
    expect(await jobByKey(`package:${id}:reminder:1`)).toBeDefined();
  });

  it("accepts from a reviewer's email link once, refuses it to anyone else, and schedules publication", async () => {
    const { campaign } = await createReferenceCampaign("local");
    const available = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 16);
    const id = await createPackageFor(central, packageInput(campaign.id, { kind: "local", limitToAudience: false, reviewers: [reviewerA.userId, reviewerB.userId], availableAt: available, registrationDeadline: "" }));
    await submitPackageDef.run(central, { packageId: id });
    const mails = await db().select().from(notifications).where(like(notifications.eventKey, `package:${id}:%approval%`)).orderBy(asc(notifications.recipient));
    const tokenFor = (email: string) => linkToken(mails.find((m) => m.recipient === email)!);

    expect(await reviewPackageFromLinkDef.run(reviewerB, { token: tokenFor(reviewerA.email), decision: "accept" })).toMatchObject({ ok: false, code: "link_invalid" });
    expect(await reviewPackageFromLinkDef.run(reviewerA, { token: tokenFor(reviewerA.email), decision: "reject" })).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(String) } });
    expect(await reviewPackageFromLinkDef.run(reviewerA, { token: tokenFor(reviewerA.email), decision: "accept" })).toMatchObject({ ok: true, data: { status: "approved" } });
    expect(await reviewPackageFromLinkDef.run(reviewerA, { token: tokenFor(reviewerA.email), decision: "accept" })).toMatchObject({ ok: false, code: "link_invalid" });
    // The first answer wins: the other reviewer's link has nothing left to do.
    expect(await reviewPackageFromLinkDef.run(reviewerB, { token: tokenFor(reviewerB.email), decision: "reject", comment: "late" })).toMatchObject({ ok: false, code: "link_invalid" });

    const job = await jobByKey(publishKey(id));
    expect(Math.abs(new Date(job!.run_at).getTime() - new Date(`${available}Z`).getTime())).toBeLessThan(1000);
    expect(await jobByKey(`package:${id}:reminder:0`)).toBeUndefined();
  });

  it("rejects with a comment, and editing a rejected package brings it back to Being edited", async () => {
    const { campaign } = await createReferenceCampaign("local");
    const input = packageInput(campaign.id, { kind: "local", limitToAudience: false, registrationDeadline: "" });
    const id = await createPackageFor(central, input);
    await submitPackageDef.run(central, { packageId: id });
    expect(await reviewPackageDef.run(central, { packageId: id, decision: "reject", comment: "" })).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(String) } });
    expect(await reviewPackageDef.run(central, { packageId: id, decision: "reject", comment: "Wrong visuals" })).toMatchObject({ ok: true, data: { status: "rejected" } });
    expect((await db().query.packages.findFirst({ where: eq(packages.id, id) }))!.rejectionComment).toBe("Wrong visuals");
    expect(await updatePackageDef.run(central, { ...input, label: "Fixed", id })).toMatchObject({ ok: true });
    expect(await status(id)).toBe("being_edited");
    const journal = await db().select().from(packageJournal).where(eq(packageJournal.packageId, id)).orderBy(asc(packageJournal.at));
    expect(journal.map((j) => j.action)).toEqual(["Created", "Submitted for approval", "Rejected", "Back to editing after rejection"]);
    expect(journal[2]).toMatchObject({ comment: "Wrong visuals", actorName: `${central.name} (Approve the package)` });
  });

  it("publishes at availability: emails each audience entity's group, and pre-subscribes in automatic mode", async () => {
    const { campaign } = await createReferenceCampaign("collaborative", "by_form");
    const [e1, e2] = [await createLocalEntity(), await createLocalEntity()];
    const [m1, m2] = [await notificationMember(e1.id), await notificationMember(e2.id)];
    const id = await createPackageFor(central, packageInput(campaign.id, { audience: [e1.id, e2.id], approvalMode: "automatic" }));
    await submitPackageDef.run(central, { packageId: id });
    await reviewPackageDef.run(central, { packageId: id, decision: "accept" });
    const revision = (await db().query.packages.findFirst({ where: eq(packages.id, id) }))!.revision;
    expect(await db().transaction((tx) => publishPackage(tx, { packageId: id, revision: revision - 1 }))).toMatchObject({ published: false });
    expect(await db().transaction((tx) => publishPackage(tx, { packageId: id, revision }))).toMatchObject({ published: true, emails: 2 });
    expect(await status(id)).toBe("published");
    expect((await mailsTo(m1.email))[0]).toMatchObject({ template: "campaign_subscribed" });
    expect(await mailsTo(m2.email)).toHaveLength(1);
    const subscribed = await db().select().from(orders).where(eq(orders.packageId, id));
    expect(subscribed.map((o) => [o.entityId, o.status]).sort()).toEqual([[e1.id, "approved"], [e2.id, "approved"]].sort());
    expect(await db().transaction((tx) => publishPackage(tx, { packageId: id, revision: revision + 1 }))).toMatchObject({ published: false });
  });

  it("reinitializes a published package and removes its scheduled publication", async () => {
    const { campaign } = await createReferenceCampaign("local");
    const id = await createPackageFor(central, packageInput(campaign.id, { kind: "local", limitToAudience: false, registrationDeadline: "", availableAt: new Date(Date.now() + 86_400_000).toISOString().slice(0, 16) }));
    expect(await reinitializePackageDef.run(central, { packageId: id })).toMatchObject({ ok: false, code: "conflict" });
    await submitPackageDef.run(central, { packageId: id });
    await reviewPackageDef.run(central, { packageId: id, decision: "accept" });
    expect(await jobByKey(publishKey(id))).toBeDefined();
    await db().update(packages).set({ status: "published" }).where(and(eq(packages.id, id)));
    expect(await reinitializePackageDef.run(central, { packageId: id })).toMatchObject({ ok: true, data: { status: "being_edited" } });
    expect(await jobByKey(publishKey(id))).toBeUndefined();
  });
});
