import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { orderDocuments, orders } from "@/db/schema";
import type { PersonalizationField } from "@/db/schema/campaigns";
import { actorFor, createLocalEntity, createUser } from "../testing/factories";
import { publishedPackage } from "../testing/order-factories";
import { editOwnOrderDef, placeOrderDef } from "./actions";
import { fromOrderFormData, toOrderFormData } from "./form-data";
import { orderDetailsSchema, type OrderDetailsForm, type OrderTemplateLimits } from "./parameters";

const field = (over: Partial<PersonalizationField> & Pick<PersonalizationField, "name" | "type">): PersonalizationField =>
  ({ label: over.name, required: false, default: "", help: "", options: [], ...over }) as PersonalizationField;

const limits: OrderTemplateLimits = {
  fields: [
    field({ name: "storeName", type: "text", label: "Store name", required: true }),
    field({ name: "discount", type: "number", label: "Discount" }),
    field({ name: "openOnSunday", type: "boolean", label: "Open on Sunday" }),
    field({ name: "size", type: "select", label: "Size", options: ["S", "M"] }),
    field({ name: "logo", type: "file", label: "Logo", required: true }),
    field({ name: "flyer", type: "file", label: "Flyer" }),
  ],
  maxReviewers: 2,
  maxDocuments: 3,
};

const reviewer = "6a2f1c3e-8d4b-4f3a-9c1e-2b7d5e8f0a11";

function values(over: Partial<OrderDetailsForm> = {}): OrderDetailsForm {
  return {
    label: "Spring sale",
    comment: "Two lines\nof comment",
    parameters: { storeName: "Lyon Part-Dieu", discount: "12.5", openOnSunday: true, size: "M", logo: new File(["png"], "logo.png", { type: "image/png" }), flyer: null },
    reviewerIds: [reviewer],
    documents: [new File(["a"], "brief.pdf", { type: "application/pdf" }), new File(["bb"], "prices.csv", { type: "text/csv" })],
    ...over,
  };
}

describe("order FormData", () => {
  it("round-trips the envelope, the plain values, the file fields and the documents", async () => {
    const sent = values();
    const form = toOrderFormData({ entity: "lyon", packageId: "0b6c7a1e-3f2d-4c5b-8a9e-1d2c3b4a5f60", removeDocumentIds: ["ids", "kept"] }, sent);
    // Files travel as their own parts, never inside the JSON.
    expect(String(form.get("payload"))).not.toContain("logo.png");
    expect(form.getAll("document")).toHaveLength(2);

    const back = fromOrderFormData(form);
    expect(back).toMatchObject({
      entity: "lyon",
      packageId: "0b6c7a1e-3f2d-4c5b-8a9e-1d2c3b4a5f60",
      removeDocumentIds: ["ids", "kept"],
      label: "Spring sale",
      comment: "Two lines\nof comment",
      reviewerIds: [reviewer],
    });
    const parameters = back.parameters as Record<string, unknown>;
    expect(parameters).toMatchObject({ storeName: "Lyon Part-Dieu", discount: "12.5", openOnSunday: true, size: "M", flyer: null });
    expect(parameters.logo).toBeInstanceOf(File);
    expect((parameters.logo as File).name).toBe("logo.png");
    expect(await (parameters.logo as File).text()).toBe("png");
    const documents = back.documents as File[];
    expect(documents.map((d) => d.name)).toEqual(["brief.pdf", "prices.csv"]);
    expect(await documents[1]!.text()).toBe("bb");

    // What the server rebuilds passes the very schema the wizard used, with the same typed values.
    const parsed = orderDetailsSchema(limits).safeParse(back);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.parameters).toMatchObject({ storeName: "Lyon Part-Dieu", discount: 12.5, openOnSunday: true, size: "M", flyer: null });
    expect(parsed.data?.parameters.logo).toBeInstanceOf(File);
    expect(parsed.data?.documents).toHaveLength(2);
  });

  it("sends no document parts and no file parts when there are none", () => {
    const form = toOrderFormData({ entity: "lyon", orderId: "x" }, values({ documents: [], parameters: { storeName: "A", logo: null } }));
    expect(form.getAll("document")).toEqual([]);
    expect([...form.keys()].filter((k) => k.startsWith("file:"))).toEqual([]);
    const back = fromOrderFormData(form);
    expect(back).toMatchObject({ orderId: "x", parameters: { storeName: "A", logo: null }, documents: [] });
    // The required file field is satisfied by a file already on the order, and only then.
    expect(orderDetailsSchema(limits, { filesOnOrder: ["logo"] }).safeParse(back).success).toBe(true);
    const refused = orderDetailsSchema(limits).safeParse(back);
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["parameters.logo"]);
  });

  it("turns a malformed payload into an object the schema refuses", () => {
    for (const payload of ["{not json", "[1,2]", "null", '"text"', "42"]) {
      const form = new FormData();
      form.append("payload", payload);
      const back = fromOrderFormData(form);
      expect(back, payload).toEqual({ parameters: {}, documents: [] });
      const parsed = orderDetailsSchema(limits).safeParse(back);
      expect(parsed.success, payload).toBe(false);
      const paths = parsed.error!.issues.map((i) => i.path.join("."));
      expect(paths, payload).toEqual(expect.arrayContaining(["label", "comment", "reviewerIds", "parameters.storeName", "parameters.logo"]));
    }
  });

  it("ignores file parts that are not files and parameters that are not an object", () => {
    const form = new FormData();
    form.append("payload", JSON.stringify({ label: "L", comment: "", reviewerIds: [], parameters: "storeName" }));
    form.append("file:logo", "not a file");
    form.append("document", "not a file either");
    const back = fromOrderFormData(form);
    expect(back).toMatchObject({ label: "L", parameters: {}, documents: [] });
    expect(orderDetailsSchema(limits).safeParse(back).success).toBe(false);
  });
});

// What the wizard and the edit page send, through the real actions: the values as typed (the
// forms' resolver runs with `raw`), files as parts, removals inside the JSON payload.
describe("orders sent as FormData through the actions", () => {
  it("places an order with its files, then edits it, keeping and removing files", async () => {
    const e = await createLocalEntity();
    const op = await actorFor((await createUser({ role: "local", entityIds: [e.id] })).id);
    const { pkg } = await publishedPackage({ fields: limits.fields, maxReviewers: 1, maxDocuments: 2, enableMultipleCreation: true });
    const placed = await placeOrderDef.run(
      op,
      fromOrderFormData(toOrderFormData({ entity: e.internalName, packageId: pkg.id }, values({ reviewerIds: [op.userId] }))),
    );
    expect(placed).toMatchObject({ ok: true });
    const id = (placed as { data: { id: string } }).data.id;
    const [order] = await getDb().select().from(orders).where(eq(orders.id, id));
    expect(order!.parameters).toMatchObject({ storeName: "Lyon Part-Dieu", discount: 12.5, openOnSunday: true, size: "M", logo: "logo.png", flyer: null });
    const docs = await getDb().select().from(orderDocuments).where(eq(orderDocuments.orderId, id));
    expect(docs.map((d) => [d.fieldName, d.fileName]).sort()).toEqual([[null, "brief.pdf"], [null, "prices.csv"], ["logo", "logo.png"]]);

    // The parsed output is not what the schema takes: a number field sent as a number is refused.
    const parsedOutput = orderDetailsSchema(limits).parse(fromOrderFormData(toOrderFormData({}, values())));
    const refused = await placeOrderDef.run(op, { entity: e.internalName, packageId: pkg.id, ...parsedOutput, reviewerIds: [] });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { "parameters.discount": expect.any(String) } });

    // Edit: the logo stays (left empty), one document goes, a new one comes, the count holds at 2.
    const brief = docs.find((d) => d.fileName === "brief.pdf")!;
    const edit = (removeDocumentIds: string[], documents: File[]) =>
      editOwnOrderDef.run(
        op,
        fromOrderFormData(
          toOrderFormData(
            { entity: e.internalName, orderId: id, removeDocumentIds },
            values({ label: "Renamed", parameters: { storeName: "Lyon", discount: "", openOnSunday: false, size: "", logo: null, flyer: null }, reviewerIds: [], documents }),
          ),
        ),
      );
    expect(await edit([], [new File(["c"], "third.pdf")])).toMatchObject({ ok: false, fieldErrors: { documents: expect.stringMatching(/at most 2/) } });
    expect(await edit([brief.id], [new File(["c"], "third.pdf")])).toMatchObject({ ok: true });
    const [edited] = await getDb().select().from(orders).where(eq(orders.id, id));
    expect(edited).toMatchObject({ label: "Renamed", reviewerIds: [] });
    expect(edited!.parameters).toMatchObject({ storeName: "Lyon", discount: null, openOnSunday: false, size: null, logo: "logo.png" });
    const after = await getDb().select().from(orderDocuments).where(eq(orderDocuments.orderId, id));
    expect(after.map((d) => [d.fieldName, d.fileName]).sort()).toEqual([[null, "prices.csv"], [null, "third.pdf"], ["logo", "logo.png"]]);
  });
});
