import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaignTemplates } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createCampaignTemplate, createUser, uniq } from "../testing/factories";
import { createTemplateDef, updateTemplateDef } from "./actions";
import type { PersonalizationFieldInput, TemplateInput } from "./schemas";

const field = (f: Partial<PersonalizationFieldInput> & { name: string }): PersonalizationFieldInput => ({
  label: f.name,
  type: "text",
  required: false,
  default: "",
  help: "",
  options: [],
  ...f,
});

const template = (over: Partial<TemplateInput> = {}): TemplateInput => ({
  label: "Newsletter",
  internalName: uniq("newsletter").toLowerCase(),
  distributionLevel: "collaborative",
  collaborativeType: "by_form",
  webInterfaceType: "by_form",
  maxReviewers: 2,
  maxDocuments: 0,
  personalizationFields: [field({ name: "storeName", required: true }), field({ name: "discountRate", type: "number", default: "10" })],
  localEditable: ["targeting", "schedule", "typology", "personalization"],
  ...over,
});

const saved = (id: string) => getDb().query.campaignTemplates.findFirst({ where: eq(campaignTemplates.id, id) });

describe("campaign templates", () => {
  let central: Actor;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
  });

  it("creates a template with its personalization fields, then edits them", async () => {
    const res = await createTemplateDef.run(central, template());
    expect(res).toMatchObject({ ok: true });
    const id = (res as { data: { id: string } }).data.id;
    expect(await saved(id)).toMatchObject({
      distributionLevel: "collaborative",
      collaborativeType: "by_form",
      maxReviewers: 2,
      personalizationFields: [
        { name: "storeName", label: "storeName", type: "text", required: true },
        { name: "discountRate", label: "discountRate", type: "number", required: false, default: "10" },
      ],
      defaultValues: { discountRate: "10" },
    });

    const fields = [field({ name: "region", type: "select", options: ["North", "South"], default: "South", help: "Where the store is" }), field({ name: "openingDate", type: "date" })];
    const update = await updateTemplateDef.run(central, { ...template({ personalizationFields: fields, label: "Renamed" }), internalName: (await saved(id))!.internalName, id });
    expect(update).toMatchObject({ ok: true });
    const after = await saved(id);
    expect(after!.label).toBe("Renamed");
    expect(after!.personalizationFields).toEqual([
      { name: "region", label: "region", type: "select", required: false, default: "South", help: "Where the store is", options: ["North", "South"] },
      { name: "openingDate", label: "openingDate", type: "date", required: false },
    ]);
    expect(after!.defaultValues).toEqual({ region: "South" });
  });

  it("saves what local entities may change, each part once and in order", async () => {
    const res = await createTemplateDef.run(central, template({ localEditable: ["personalization", "targeting", "personalization"] }));
    const id = (res as { data: { id: string } }).data.id;
    expect((await saved(id))!.localEditable).toEqual(["targeting", "personalization"]);
    const update = await updateTemplateDef.run(central, { ...template({ localEditable: [] }), internalName: (await saved(id))!.internalName, id });
    expect(update).toMatchObject({ ok: true });
    expect((await saved(id))!.localEditable).toEqual([]);
    expect(await createTemplateDef.run(central, template({ localEditable: ["everything" as "targeting"] }))).toMatchObject({ ok: false, fieldErrors: { "localEditable.0": "Choose among the parts listed." } });
  });

  it("keeps no collaborative type on a local template", async () => {
    const res = await createTemplateDef.run(central, template({ distributionLevel: "local", collaborativeType: "by_campaign", personalizationFields: [] }));
    expect((await saved((res as { data: { id: string } }).data.id))!.collaborativeType).toBeNull();
  });

  it("puts each personalization field's problem on that field and saves nothing", async () => {
    const internalName = uniq("bad").toLowerCase();
    const res = await createTemplateDef.run(
      central,
      template({
        internalName,
        personalizationFields: [
          field({ name: "storeName" }),
          field({ name: "StoreName" }),
          field({ name: "size", type: "select" }),
          field({ name: "1st" }),
          field({ name: "rate", type: "number", default: "ten" }),
          field({ name: "opens", type: "date", default: "2030-02-30" }),
          field({ name: "kind", type: "select", options: ["a", "b"], default: "c" }),
        ],
      }),
    );
    expect(res).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: {
        "personalizationFields.1.name": "Another field already uses this name.",
        "personalizationFields.2.options": "Add at least one option.",
        "personalizationFields.3.name": "Start with a letter; then letters, digits or _ only, like storeName.",
        "personalizationFields.4.default": "Enter a number, or leave it empty.",
        "personalizationFields.5.default": "Enter a date as YYYY-MM-DD, or leave it empty.",
        "personalizationFields.6.default": "Use one of the options, or leave it empty.",
      },
    });
    expect(await getDb().query.campaignTemplates.findFirst({ where: eq(campaignTemplates.internalName, internalName) })).toBeUndefined();
  });

  it("refuses a collaborative template without its type, a by-form one without fields, and bad counts", async () => {
    expect(await createTemplateDef.run(central, template({ collaborativeType: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { collaborativeType: "Choose the collaborative type." },
    });
    expect(await createTemplateDef.run(central, template({ personalizationFields: [] }))).toMatchObject({
      ok: false,
      fieldErrors: { personalizationFields: "A by-form template needs at least one personalization field." },
    });
    expect(await createTemplateDef.run(central, template({ maxReviewers: -1, maxDocuments: Number.NaN }))).toMatchObject({
      ok: false,
      fieldErrors: { maxReviewers: "Use 0 or more.", maxDocuments: "Enter a whole number." },
    });
  });

  it("refuses an internal name another template uses, also when editing", async () => {
    const existing = await createCampaignTemplate();
    expect(await createTemplateDef.run(central, template({ internalName: existing.internalName }))).toMatchObject({
      ok: false,
      fieldErrors: { internalName: "Another template already uses this internal name." },
    });
    const other = await createCampaignTemplate();
    expect(await updateTemplateDef.run(central, { ...template({ internalName: existing.internalName }), id: other.id })).toMatchObject({
      ok: false,
      fieldErrors: { internalName: "Another template already uses this internal name." },
    });
    expect(await updateTemplateDef.run(central, { ...template(), id: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, code: "not_found" });
  });
});
