import { eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { remindPackageApprovalTask } from "../../jobs/tasks/remind-package-approval";
import { getDb } from "../../db";
import { notifications, packages } from "../../db/schema";
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
});
