import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { orderDocuments, orders } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { createPackageFor, createReferenceCampaign, packageInput } from "../testing/package-factories";
import { deleteOrderDef, editOrderGeneralDef } from "./actions";
import { getOrderForCentral, listAllOrders } from "./queries";

describe("campaign orders, central side", () => {
  let central: Actor;
  let packageId: string;
  let entityA: string;
  let entityB: string;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
    const { campaign } = await createReferenceCampaign();
    packageId = await createPackageFor(central, packageInput(campaign.id));
    entityA = (await createLocalEntity()).id;
    entityB = (await createLocalEntity()).id;
    await getDb().insert(orders).values([
      { packageId, entityId: entityA, label: "A order", status: "ordered", parameters: { storeName: "Shop A" } },
      { packageId, entityId: entityB, label: "B order", status: "approved" },
      { packageId, entityId: entityB, label: "B old", status: "rejected" },
    ]);
  });

  it("lists every entity's orders, filtered by package, entity and status", async () => {
    const q = { page: 1, perPage: 20, sort: "label" as const, desc: false, q: "" };
    const all = await listAllOrders(getDb(), { ...q, packageId });
    expect(all.rows.map((r) => r.label)).toEqual(["A order", "B old", "B order"]);
    expect((await listAllOrders(getDb(), { ...q, packageId, entityId: entityB })).total).toBe(2);
    expect((await listAllOrders(getDb(), { ...q, packageId, status: "approved" })).rows.map((r) => r.label)).toEqual(["B order"]);
  });

  it("edits the general part of a live order and refuses a closed one", async () => {
    const [a] = await getDb().select().from(orders).where(eq(orders.label, "A order"));
    expect(await editOrderGeneralDef.run(central, { orderId: a!.id, label: "A order (fixed)", comment: "Checked" })).toMatchObject({ ok: true });
    const [old] = await getDb().select().from(orders).where(eq(orders.label, "B old"));
    expect(await editOrderGeneralDef.run(central, { orderId: old!.id, label: "x", comment: "" })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("deletes an order by canceling it, with the comment kept", async () => {
    const [b] = await getDb().select().from(orders).where(eq(orders.label, "B order"));
    expect(await deleteOrderDef.run(central, { orderId: b!.id, comment: "" })).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(String) } });
    expect(await deleteOrderDef.run(central, { orderId: b!.id, comment: "Duplicate" })).toMatchObject({ ok: true });
    expect(await getDb().query.orders.findFirst({ where: eq(orders.id, b!.id) })).toMatchObject({ status: "canceled", statusComment: "Duplicate" });
  });

  it("shows central operators the entity's values in the template's order, with the order's documents", async () => {
    const { publishedPackage, textField } = await import("../testing/order-factories");
    const { pkg } = await publishedPackage({ fields: [textField("storeName", { label: "Store name" }), textField("rate", { label: "Rate", type: "number" })] });
    const [o] = await getDb().insert(orders).values({ packageId: pkg.id, entityId: entityA, label: "Valued", parameters: { rate: 5, storeName: "Nord" } }).returning();
    await getDb().insert(orderDocuments).values({ orderId: o!.id, fileName: "plan.pdf", contentType: "application/pdf", size: 1, data: Buffer.from("x") });
    const view = await getOrderForCentral(getDb(), o!.id);
    expect(view!.parameters).toEqual([["Store name", "Nord"], ["Rate", "5"]]);
    expect(view!.documents.map((d) => d.fileName)).toEqual(["plan.pdf"]);
  });
});
