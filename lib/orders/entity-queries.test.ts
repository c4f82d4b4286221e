import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { orderDocuments, orders } from "../../db/schema";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { publishedPackage, textField } from "../testing/order-factories";
import { getEntityOrder, getEntityOrderDocument, listEntityOrders, statusCountsForEntity } from "./entity-queries";

const q = { page: 1, perPage: 20, sort: "label" as const, desc: false, q: "" };

describe("an entity's own orders", () => {
  let a: string;
  let b: string;
  let aOrders: Record<string, string>;
  let bOrder: string;
  let bDocument: string;
  let packageLabel: string;
  let creatorName: string;
  beforeAll(async () => {
    a = (await createLocalEntity()).id;
    b = (await createLocalEntity()).id;
    const creator = await actorFor((await createUser({ role: "local", entityIds: [a] })).id);
    creatorName = creator.name;
    const { pkg } = await publishedPackage({ enableMultipleCreation: true, fields: [textField("storeName", { label: "Store name" })] });
    packageLabel = pkg.label;
    const rows = await getDb()
      .insert(orders)
      .values([
        { packageId: pkg.id, entityId: a, label: "Alpha spring", status: "ordered", createdById: creator.userId, parameters: { storeName: "Nord" } },
        { packageId: pkg.id, entityId: a, label: "Alpha summer", status: "approved" },
        { packageId: pkg.id, entityId: a, label: "Alpha winter", status: "rejected", statusComment: "Too late" },
        { packageId: pkg.id, entityId: b, label: "Beta spring", status: "ordered" },
      ])
      .returning({ id: orders.id, label: orders.label });
    aOrders = Object.fromEntries(rows.filter((r) => r.label.startsWith("Alpha")).map((r) => [r.label, r.id]));
    bOrder = rows.find((r) => r.label === "Beta spring")!.id;
    const [doc] = await getDb()
      .insert(orderDocuments)
      .values({ orderId: bOrder, fileName: "b.pdf", contentType: "application/pdf", size: 3, data: Buffer.from("abc") })
      .returning({ id: orderDocuments.id });
    bDocument = doc!.id;
  });

  it("lists only the entity's orders, sorted, filtered and searched", async () => {
    const mine = await listEntityOrders(getDb(), a, q);
    expect(mine.rows.map((r) => r.label)).toEqual(["Alpha spring", "Alpha summer", "Alpha winter"]);
    expect(mine.total).toBe(3);
    expect(mine.rows[0]).toMatchObject({ package: packageLabel, status: "ordered" });
    expect((await listEntityOrders(getDb(), b, q)).rows.map((r) => r.label)).toEqual(["Beta spring"]);
    expect((await listEntityOrders(getDb(), a, { ...q, status: "approved" })).rows.map((r) => r.label)).toEqual(["Alpha summer"]);
    // A search that matches the other entity's order still finds nothing of it.
    expect((await listEntityOrders(getDb(), a, { ...q, q: "Beta" })).total).toBe(0);
    expect((await listEntityOrders(getDb(), a, { ...q, q: packageLabel })).total).toBe(3);
    expect((await listEntityOrders(getDb(), a, { ...q, sort: "status", desc: true, perPage: 10, page: 1 })).rows.map((r) => r.status)).toEqual(["rejected", "approved", "ordered"]);
    expect((await listEntityOrders(getDb(), a, { ...q, perPage: 10, page: 2 })).rows).toEqual([]);
  });

  it("counts each status of the entity's orders only", async () => {
    expect(await statusCountsForEntity(getDb(), a)).toEqual({ ordered: 1, approved: 1, available: 0, rejected: 1, canceled: 0 });
    expect(await statusCountsForEntity(getDb(), b)).toEqual({ ordered: 1, approved: 0, available: 0, rejected: 0, canceled: 0 });
  });

  it("reads one of its own orders with its package, fields and people, and nothing of another entity's", async () => {
    const own = await getEntityOrder(getDb(), a, aOrders["Alpha spring"]!);
    expect(own).toMatchObject({
      order: { label: "Alpha spring", parameters: { storeName: "Nord" } },
      pkg: { label: packageLabel, kind: "collaborative", approvalMode: "manual" },
      fields: [{ name: "storeName", label: "Store name" }],
      createdBy: creatorName,
      decidedBy: null,
      campaign: null,
    });
    expect(await getEntityOrder(getDb(), a, bOrder)).toBeNull();
    expect(await getEntityOrder(getDb(), b, aOrders["Alpha spring"]!)).toBeNull();
    expect(await getEntityOrder(getDb(), b, bOrder)).toMatchObject({ order: { label: "Beta spring" } });
  });

  it("serves an order document only through the order's own entity", async () => {
    expect(await getEntityOrderDocument(getDb(), b, bOrder, bDocument)).toMatchObject({ fileName: "b.pdf" });
    expect(await getEntityOrderDocument(getDb(), a, bOrder, bDocument)).toBeNull();
    expect(await getEntityOrderDocument(getDb(), a, aOrders["Alpha spring"]!, bDocument)).toBeNull();
  });
});
