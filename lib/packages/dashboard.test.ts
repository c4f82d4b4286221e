import { describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, orders } from "../../db/schema";
import { actorFor, createLocalEntity, createUser, uniq } from "../testing/factories";
import { createPackageFor, createReferenceCampaign, packageInput } from "../testing/package-factories";
import { getPackageDashboard } from "./dashboard";

describe("package dashboard", () => {
  it("lists a by-campaign package's child campaigns and its orders by entity", async () => {
    const central = await actorFor((await createUser({ role: "central" })).id);
    const { campaign } = await createReferenceCampaign("collaborative", "by_campaign");
    const entity = await createLocalEntity("Alpha dashboard entity");
    const id = await createPackageFor(central, packageInput(campaign.id, { audience: [entity.id] }));
    await getDb().insert(orders).values({ packageId: id, entityId: entity.id, label: "Alpha order", status: "approved" });
    await getDb().insert(campaigns).values({ label: "Alpha child", internalName: uniq("child"), entityId: entity.id, parentCampaignId: campaign.id });

    const d = (await getPackageDashboard(getDb(), id))!;
    expect(d.children).toEqual([expect.objectContaining({ label: "Alpha child", entity: "Alpha dashboard entity" })]);
    expect(d.orders).toEqual([expect.objectContaining({ entity: "Alpha dashboard entity", label: "Alpha order", status: "approved" })]);
    expect(d.orderTotals).toEqual({ n: 1, live: 1 });
    expect(d.journal.map((j) => j.action)).toEqual(["Created"]);
  });

  it("has no associated-campaigns list for other package types", async () => {
    const central = await actorFor((await createUser({ role: "central" })).id);
    const { campaign } = await createReferenceCampaign("collaborative", "by_form");
    const id = await createPackageFor(central, packageInput(campaign.id));
    expect((await getPackageDashboard(getDb(), id))!.children).toBeNull();
  });
});
