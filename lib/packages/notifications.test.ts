import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { remindPackageApprovalTask } from "../../jobs/tasks/remind-package-approval";
import { getDb } from "../../db";
import { actionTokens, entities, notifications, packages, users } from "../../db/schema";
import { hashToken, inspectActionToken } from "../links/tokens";
import { appUrl } from "../links/urls";
import { renderEmail } from "../notifications/templates";
import { formatDateTime } from "../utils";
import type { Actor } from "../auth/actor";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { createPackageFor, createReferenceCampaign, notificationMember, packageInput } from "../testing/package-factories";
import { reviewPackageDef, submitPackageDef } from "./actions";
import { publishPackage } from "./publish";

const helpers = { logger: { debug() {}, info() {}, warn() {}, error() {} } } as never;
const revisionOf = async (id: string) => (await getDb().query.packages.findFirst({ where: eq(packages.id, id) }))!.revision;

describe("package emails", () => {
  let central: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
    reviewer = await actorFor((await createUser({ role: "central" })).id);
  });

  it("reminds reviewers while the submission waits, with a fresh link, and stops once answered", async () => {
    const { campaign } = await createReferenceCampaign("local");
    const id = await createPackageFor(central, packageInput(campaign.id, { kind: "local", limitToAudience: false, registrationDeadline: "", reviewers: [reviewer.userId] }));
    await submitPackageDef.run(central, { packageId: id });
    const revision = await revisionOf(id);
    await remindPackageApprovalTask({ packageId: id, revision, index: 0 }, helpers);
    await remindPackageApprovalTask({ packageId: id, revision, index: 0 }, helpers);
    const sent = await getDb().select().from(notifications).where(eq(notifications.recipient, reviewer.email));
    expect(sent).toHaveLength(2);
    expect(sent.filter((n) => n.subject.startsWith("[Campaign package approval] Reminder:"))).toHaveLength(1);
    const links = sent.map((n) => String((n.payload as { url: string }).url));
    expect(new Set(links).size).toBe(2);

    await reviewPackageDef.run(central, { packageId: id, decision: "accept" });
    await remindPackageApprovalTask({ packageId: id, revision, index: 1 }, helpers);
    expect(await getDb().select().from(notifications).where(eq(notifications.recipient, reviewer.email))).toHaveLength(2);
  });

  it("announces a local package as [New catalog entry] to every entity's group when it has no audience", async () => {
    const { campaign } = await createReferenceCampaign("local");
    const members = await Promise.all([createLocalEntity(), createLocalEntity()].map(async (e) => notificationMember((await e).id)));
    const id = await createPackageFor(central, packageInput(campaign.id, { kind: "local", limitToAudience: false, registrationDeadline: "" }));
    await submitPackageDef.run(central, { packageId: id });
    await reviewPackageDef.run(central, { packageId: id, decision: "accept" });
    await getDb().transaction(async (tx) => publishPackage(tx, { packageId: id, revision: await revisionOf(id) }));
    for (const m of members) {
      const [mail] = await getDb().select().from(notifications).where(eq(notifications.recipient, m.email));
      expect(mail).toMatchObject({ template: "new_catalog_entry", subject: expect.stringContaining("[New catalog entry]") });
    }
    const all = await getDb().select().from(notifications).where(like(notifications.eventKey, `package:${id}:%:catalog:%`));
    expect(all.length).toBeGreaterThanOrEqual(2);
  });

  it("emails [Campaign subscription] to each person once: a link made for each group member, the catalog page at the address of an entity without a group", async () => {
    const { campaign } = await createReferenceCampaign("collaborative");
    const [grouped, addressOnly, unreachable] = await Promise.all([createLocalEntity(), createLocalEntity(), createLocalEntity()]);
    const member = await notificationMember(grouped!.id);
    const gone = await notificationMember(grouped!.id);
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, gone.id));
    const shop = `shop-${addressOnly!.internalName}@test.local`;
    await getDb().update(entities).set({ email: shop }).where(eq(entities.id, addressOnly!.id));
    const id = await createPackageFor(central, packageInput(campaign.id, { audience: [grouped!.id, addressOnly!.id, unreachable!.id] }));
    await submitPackageDef.run(central, { packageId: id });
    await reviewPackageDef.run(central, { packageId: id, decision: "accept" });
    const revision = await revisionOf(id);
    expect(await getDb().transaction((tx) => publishPackage(tx, { packageId: id, revision }))).toEqual({ published: true, emails: 2 });
    expect(await getDb().transaction((tx) => publishPackage(tx, { packageId: id, revision }))).toEqual({ published: false, emails: 0 });

    const pkg = (await getDb().query.packages.findFirst({ where: eq(packages.id, id) }))!;
    const mails = await getDb().select().from(notifications).where(like(notifications.eventKey, `package:${id}:r${pkg.revision}:subscription:%`));
    expect(mails.map((m) => m.recipient).sort()).toEqual([member.email, shop].sort());
    const common = {
      packageLabel: "Spring sale",
      description: "Spring promotions for every store.",
      message: "Register before the deadline.",
      registrationDeadline: formatDateTime(pkg.registrationDeadline),
      personalizationDeadline: "none",
      documents: [],
      attachmentIds: [],
    };
    const toMember = mails.find((m) => m.recipient === member.email)!;
    const token = String((toMember.payload as { url: string }).url).split("/links/")[1]!;
    expect(toMember).toMatchObject({ template: "campaign_subscription", subject: "[Campaign subscription] Spring sale", entityId: grouped!.id });
    expect(toMember.payload).toEqual({ ...common, entityLabel: grouped!.label, url: appUrl(`/links/${token}`) });
    const link = await inspectActionToken(getDb(), token, "package_offer");
    expect(link).toMatchObject({ state: "valid", token: { tokenHash: hashToken(token), email: member.email, userId: member.id, entityId: grouped!.id, subjectId: id } });
    const toShop = mails.find((m) => m.recipient === shop)!;
    expect(toShop.payload).toEqual({ ...common, entityLabel: addressOnly!.label, url: appUrl(`/portal/${addressOnly!.internalName}/catalog/${id}`) });
    expect(renderEmail("campaign_subscription", toShop.payload as never).text).toContain(`Register for the campaign: ${appUrl(`/portal/${addressOnly!.internalName}/catalog/${id}`)}`);
    // One link per group member, none for an address.
    const links = await getDb().select().from(actionTokens).where(and(eq(actionTokens.subjectId, id), eq(actionTokens.purpose, "package_offer")));
    expect(links.map((l) => l.userId)).toEqual([member.id]);
  });
});
