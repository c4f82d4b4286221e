import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { deliveries, orders } from "../../db/schema";
import { twoTenants } from "../testing/factories";
import { publishedPackage } from "../testing/order-factories";
import { entityScope } from "./access";
import { getDeliveryPage, getSubscribedDelivery, listOrderDeliveries } from "./queries";

// What the portal may read of a reference campaign's delivery: the feedback report, and only for
// an entity that subscribed to the campaign.

describe("a reference campaign's delivery seen from the portal", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let campaignId: string;
  let deliveryId: string;
  let orderB: string;
  beforeAll(async () => {
    t = await twoTenants();
    const { pkg, campaign } = await publishedPackage();
    campaignId = campaign.id;
    deliveryId = (await getDb().query.deliveries.findFirst({ where: eq(deliveries.campaignId, campaign.id) }))!.id;
    orderB = (await getDb().insert(orders).values({ packageId: pkg.id, entityId: t.b.id, label: "B's order", status: "approved" }).returning())[0]!.id;
    await getDb().insert(orders).values({ packageId: pkg.id, entityId: t.a.id, label: "A's order", status: "ordered" });
  });

  it("opens the feedback report to a subscribed entity only", async () => {
    expect(await getSubscribedDelivery(getDb(), t.b.id, campaignId, deliveryId)).toMatchObject({ delivery: { id: deliveryId } });
    // A's order is not approved: no report, as if the delivery did not exist.
    expect(await getSubscribedDelivery(getDb(), t.a.id, campaignId, deliveryId)).toBeNull();
    // The delivery page itself is never the entity's: it is not its own campaign.
    expect(await getDeliveryPage(getDb(), campaignId, deliveryId, entityScope(t.b.id))).toBeNull();
  });

  it("lists the deliveries on the entity's approved order, and nothing through another entity's order", async () => {
    expect((await listOrderDeliveries(getDb(), t.b.id, orderB)).map((d) => d.id)).toEqual([deliveryId]);
    expect(await listOrderDeliveries(getDb(), t.a.id, orderB)).toEqual([]);
  });
});
