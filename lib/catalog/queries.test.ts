import { eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { actionTokens, notifications, packages } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { hashToken } from "../links/tokens";
import { reviewPackageDef, submitPackageDef } from "../packages/actions";
import { publishPackage } from "../packages/publish";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { createPackageFor, createReferenceCampaign, notificationMember, packageInput } from "../testing/package-factories";
import { getCatalogPackage, listCatalog } from "./queries";

async function publish(central: Actor, input: Parameters<typeof packageInput>[1], kind: "local" | "collaborative" = "collaborative") {
  const { campaign } = await createReferenceCampaign(kind);
  const id = await createPackageFor(central, packageInput(campaign.id, input));
  await submitPackageDef.run(central, { packageId: id });
  await reviewPackageDef.run(central, { packageId: id, decision: "accept" });
  const { revision } = (await getDb().query.packages.findFirst({ where: eq(packages.id, id) }))!;
  await getDb().transaction((tx) => publishPackage(tx, { packageId: id, revision }));
  return id;
}

describe("the portal catalog", () => {
  let central: Actor;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
  });

  it("offers a published package to its audience only, inside its visibility period", async () => {
    const [inside, outside] = [await createLocalEntity(), await createLocalEntity()];
    const id = await publish(central, { audience: [inside.id] });
    expect((await listCatalog(getDb(), inside.id)).map((p) => p.id)).toContain(id);
    expect((await listCatalog(getDb(), outside.id)).map((p) => p.id)).not.toContain(id);
    expect(await getCatalogPackage(getDb(), outside.id, id)).toBeNull();

    await getDb().update(packages).set({ endAt: new Date(Date.now() - 1000) }).where(eq(packages.id, id));
    expect(await getCatalogPackage(getDb(), inside.id, id)).toBeNull();
  });

  it("offers an unrestricted local package to every entity, and never a canceled one", async () => {
    const anyone = await createLocalEntity();
    const id = await publish(central, { kind: "local", limitToAudience: false, registrationDeadline: "" }, "local");
    expect(await getCatalogPackage(getDb(), anyone.id, id)).toMatchObject({ id });
    await getDb().update(packages).set({ status: "canceled" }).where(eq(packages.id, id));
    expect(await getCatalogPackage(getDb(), anyone.id, id)).toBeNull();
  });

  it("emails each group member a link made for them, naming the package and the entity", async () => {
    const entity = await createLocalEntity();
    const member = await notificationMember(entity.id);
    const id = await publish(central, { audience: [entity.id] });
    const [mail] = await getDb().select().from(notifications).where(like(notifications.eventKey, `package:${id}:%:${member.email}`));
    const token = String((mail!.payload as { url: string }).url).split("/links/")[1]!;
    const row = await getDb().query.actionTokens.findFirst({ where: eq(actionTokens.tokenHash, hashToken(token)) });
    expect(row).toMatchObject({ purpose: "package_offer", userId: member.id, entityId: entity.id, subjectId: id, usedAt: null });
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});
