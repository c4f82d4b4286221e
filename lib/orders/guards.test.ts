import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { orders } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { orderDetails, publishedPackage, textField } from "../testing/order-factories";
import { placeOrderDef } from "./actions";

const days = (n: number) => new Date(Date.now() + n * 86_400_000);

// Every §4 guard refuses with its own reason and writes no order.
describe("ordering guards", () => {
  let op: Actor;
  let entity: string;
  let entityId: string;
  const place = (packageId: string, over: Record<string, unknown> = {}) => placeOrderDef.run(op, { entity, packageId, ...orderDetails(over) });
  const ordersOf = async (packageId: string) => getDb().select().from(orders).where(eq(orders.packageId, packageId));

  beforeAll(async () => {
    const e = await createLocalEntity();
    entity = e.internalName;
    entityId = e.id;
    op = await actorFor((await createUser({ role: "local", entityIds: [e.id] })).id);
  });

  const refusals: [string, Parameters<typeof publishedPackage>[0], RegExp][] = [
    ["not in the audience", { audience: [] as string[] }, /not offered to your entity/],
    ["not published yet", { status: "approved" }, /not offered to your entity/],
    ["canceled", { status: "canceled" }, /canceled by the central team/],
    ["before its visibility period", { startAt: days(2), availableAt: days(2) }, /offer opens on/],
    ["after its visibility period", { startAt: days(-20), endAt: days(-1), registrationDeadline: days(-2) }, /offer ended on/],
    ["past its registration deadline", { registrationDeadline: days(-1) }, /registration deadline passed/],
  ];
  for (const [what, options, reason] of refusals) {
    it(`refuses a package ${what}`, async () => {
      const other = await createLocalEntity();
      const opts = { ...options, ...(options?.audience ? { audience: [other.id] } : {}) };
      const { pkg } = await publishedPackage(opts);
      const res = await place(pkg.id);
      expect(res).toMatchObject({ ok: false, error: expect.stringMatching(reason) });
      expect(await ordersOf(pkg.id)).toHaveLength(0);
    });
  }

  it("ignores the registration deadline of a local package, which has none", async () => {
    const { pkg } = await publishedPackage({ kind: "local", registrationDeadline: null });
    expect(await place(pkg.id)).toMatchObject({ ok: true, data: { status: "ordered" } });
  });

  it("accepts an entity of the audience", async () => {
    const { pkg } = await publishedPackage({ audience: [entityId] });
    expect(await place(pkg.id)).toMatchObject({ ok: true });
  });

  it("allows one live order per entity unless multiple creation is on, and again once the first is closed", async () => {
    const { pkg } = await publishedPackage();
    const first = await place(pkg.id);
    expect(first).toMatchObject({ ok: true });
    expect(await place(pkg.id)).toMatchObject({ ok: false, code: "conflict", error: expect.stringMatching(/already has a live order/) });
    await getDb().update(orders).set({ status: "rejected" }).where(eq(orders.packageId, pkg.id));
    expect(await place(pkg.id)).toMatchObject({ ok: true });

    const { pkg: multi } = await publishedPackage({ enableMultipleCreation: true });
    expect(await place(multi.id)).toMatchObject({ ok: true });
    expect(await place(multi.id)).toMatchObject({ ok: true });
    expect(await ordersOf(multi.id)).toHaveLength(2);
  });

  it("lets only one of two simultaneous orders through", async () => {
    const { pkg } = await publishedPackage();
    const results = await Promise.all([place(pkg.id, { label: "one" }), place(pkg.id, { label: "two" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "conflict" });
    expect(await ordersOf(pkg.id)).toHaveLength(1);
  });

  it("validates typed personalization fields with the template's definition, on the server", async () => {
    const fields = [
      textField("storeName", { label: "Store name", required: true }),
      textField("budget", { label: "Budget", type: "number" }),
      textField("launch", { label: "Launch day", type: "date", required: true }),
      textField("tone", { label: "Tone", type: "select", options: ["Warm", "Formal"], required: true }),
      textField("coupon", { label: "Coupon", type: "boolean" }),
    ];
    const { pkg } = await publishedPackage({ fields });
    const bad = await place(pkg.id, { parameters: { storeName: " ", budget: "12abc", launch: "2026-02-30", tone: "Loud", coupon: true } });
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: {
        "parameters.storeName": "Enter Store name.",
        "parameters.budget": expect.stringMatching(/number/),
        "parameters.launch": "Enter a date.",
        "parameters.tone": "Choose one of the options.",
      },
    });
    expect(await ordersOf(pkg.id)).toHaveLength(0);
    const good = await place(pkg.id, { parameters: { storeName: "Nord", budget: "12.5", launch: "2026-12-01", tone: "Warm", coupon: true } });
    expect(good).toMatchObject({ ok: true });
    const [order] = await ordersOf(pkg.id);
    expect(order!.parameters).toEqual({ storeName: "Nord", budget: 12.5, launch: "2026-12-01", tone: "Warm", coupon: true });
  });

  it("refuses reviewers and documents beyond what the template allows, and reviewers from elsewhere", async () => {
    const { pkg } = await publishedPackage({ maxReviewers: 1, maxDocuments: 0 });
    const mate = await createUser({ role: "local", entityIds: [entityId] });
    const stranger = await createUser({ role: "local", entityIds: [(await createLocalEntity()).id] });
    const file = new File(["x"], "brief.pdf", { type: "application/pdf" });
    expect(await place(pkg.id, { reviewerIds: [mate.id, op.userId] })).toMatchObject({ fieldErrors: { reviewerIds: "Name at most 1 reviewers." } });
    expect(await place(pkg.id, { documents: [file] })).toMatchObject({ fieldErrors: { documents: "This campaign takes no documents." } });
    expect(await place(pkg.id, { reviewerIds: [stranger.id] })).toMatchObject({ fieldErrors: { reviewerIds: "Choose reviewers among your entity's operators." } });
    expect(await place(pkg.id, { reviewerIds: [mate.id] })).toMatchObject({ ok: true });
    expect(await ordersOf(pkg.id)).toHaveLength(1);
  });

  it("stores a file personalization field and the order's documents with the order", async () => {
    const { pkg } = await publishedPackage({ fields: [textField("logo", { label: "Logo", type: "file", required: true })], maxDocuments: 2 });
    expect(await place(pkg.id)).toMatchObject({ fieldErrors: { "parameters.logo": "Attach Logo." } });
    const logo = new File(["png"], "logo.png", { type: "image/png" });
    const res = await place(pkg.id, { parameters: { logo }, documents: [new File(["a"], "a.txt"), new File(["b"], "b.txt")] });
    expect(res).toMatchObject({ ok: true });
    const [order] = await ordersOf(pkg.id);
    expect(order!.parameters).toEqual({ logo: "logo.png" });
    const docs = await getDb().query.orderDocuments.findMany({ where: (d, { eq: is }) => is(d.orderId, order!.id) });
    expect(docs.map((d) => [d.fieldName, d.fileName]).sort()).toEqual([[null, "a.txt"], [null, "b.txt"], ["logo", "logo.png"]]);
  });

  it("keeps the files of one request under 25 MB in all", async () => {
    const { pkg } = await publishedPackage({ maxDocuments: 3 });
    const big = (n: number) => new File([new Uint8Array(9 * 1024 * 1024)], `part-${n}.bin`);
    expect(await place(pkg.id, { documents: [big(1), big(2), big(3)] })).toMatchObject({ ok: false, fieldErrors: { documents: expect.stringMatching(/25 MB/) } });
    expect(await ordersOf(pkg.id)).toHaveLength(0);
    expect(await place(pkg.id, { documents: [big(1), big(2)] })).toMatchObject({ ok: true });
  });
});
