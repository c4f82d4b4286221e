import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, campaignTemplates, contacts, defaultTypology, workflows, type LocalEditablePart, type PersonalizationField } from "../../db/schema";
import { twoTenants, uniq } from "../testing/factories";
import { evaluateCampaignTargetDef, updateLocalCampaignDef } from "./actions";
import { getEntityCampaign, listEntityCampaigns } from "./local-campaigns";

const fields: PersonalizationField[] = [
  { name: "storeName", label: "Store name", type: "text", required: true },
  { name: "discount", label: "Discount", type: "number", required: false, default: "10" },
  { name: "logo", label: "Logo", type: "file", required: false },
];

async function template(localEditable: LocalEditablePart[]) {
  const [row] = await getDb()
    .insert(campaignTemplates)
    .values({ label: uniq("Template"), internalName: uniq("tpl").toLowerCase(), distributionLevel: "local", personalizationFields: fields, localEditable })
    .returning();
  return row!;
}

/** A campaign of an entity with one workflow, as an Available order leaves it. */
async function localCampaign(entityId: string, o: { templateId?: string; parentCampaignId?: string; label?: string; status?: "being_edited" | "started" | "canceled" } = {}) {
  const [campaign] = await getDb()
    .insert(campaigns)
    .values({
      label: o.label ?? uniq("Local"),
      internalName: uniq("local").toLowerCase(),
      entityId,
      templateId: o.templateId ?? null,
      parentCampaignId: o.parentCampaignId ?? null,
      status: o.status ?? "being_edited",
      personalization: { storeName: "Old store", discount: 10, logo: "file-id" },
      content: { subject: "Hi {{firstName}}", body: "Welcome to {{storeName}}" },
    })
    .returning();
  const [workflow] = await getDb()
    .insert(workflows)
    .values({ campaignId: campaign!.id, label: "Main", targeting: [{ field: "city", operator: "equals", value: "Paris" }] })
    .returning();
  return { campaign: campaign!, workflow: workflow! };
}

const read = async (id: string) => ({
  campaign: (await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, id) }))!,
  workflow: (await getDb().select().from(workflows).where(eq(workflows.campaignId, id)))[0]!,
});

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16);

describe("local and child campaigns of an entity", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let everything: Awaited<ReturnType<typeof template>>;
  let onlyPersonalization: Awaited<ReturnType<typeof template>>;
  /** What the campaign page sends back when nothing was changed. */
  let unchanged: (campaignId: string) => {
    entity: string;
    campaignId: string;
    targeting: { field: string; operator: "equals"; value: string }[];
    scheduledAt: string;
    typology: typeof defaultTypology;
    personalization: Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await twoTenants();
    everything = await template(["targeting", "schedule", "typology", "personalization"]);
    onlyPersonalization = await template(["personalization"]);
    unchanged = (campaignId) => ({
      entity: t.a.internalName,
      campaignId,
      targeting: [{ field: "city", operator: "equals", value: "Paris" }],
      scheduledAt: "",
      typology: { ...defaultTypology },
      personalization: { storeName: "Old store", discount: "10" },
    });
  });

  it("lists and opens only the entity's own campaigns, with the parent of a child campaign", async () => {
    const [reference] = await getDb().insert(campaigns).values({ label: uniq("Reference"), internalName: uniq("ref").toLowerCase() }).returning();
    const own = await localCampaign(t.a.id, { templateId: everything.id, label: "A own" });
    const child = await localCampaign(t.a.id, { templateId: onlyPersonalization.id, parentCampaignId: reference!.id, label: "A child", status: "started" });
    const theirs = await localCampaign(t.b.id, { label: "B own" });

    const query = { page: 1, perPage: 100, sort: "label" as const, desc: false, q: "" };
    const { rows, total } = await listEntityCampaigns(getDb(), t.a.id, query);
    const ids = rows.map((r) => r.id);
    expect(ids).toContain(own.campaign.id);
    expect(ids).toContain(child.campaign.id);
    expect(ids).not.toContain(theirs.campaign.id);
    expect(total).toBe(rows.length);
    expect(rows.find((r) => r.id === child.campaign.id)).toMatchObject({ label: "A child", parentLabel: reference!.label, status: "started" });
    expect(rows.find((r) => r.id === own.campaign.id)).toMatchObject({ parentLabel: null, status: "being_edited" });
    const started = await listEntityCampaigns(getDb(), t.a.id, { ...query, status: "started" });
    expect(started.rows.map((r) => r.id)).toEqual([child.campaign.id]);

    expect(await getEntityCampaign(getDb(), t.a.id, theirs.campaign.id)).toBeNull();
    expect(await getEntityCampaign(getDb(), t.a.id, reference!.id)).toBeNull();
    const found = await getEntityCampaign(getDb(), t.a.id, child.campaign.id);
    expect(found).toMatchObject({ parentLabel: reference!.label, localEditable: ["personalization"], workflow: { id: child.workflow.id } });
    // File fields are the order's: the campaign page does not offer them.
    expect(found!.fields.map((f) => f.name)).toEqual(["storeName", "discount"]);
  });

  it("refuses another entity's campaign as if it did not exist, and writes nothing", async () => {
    const theirs = await localCampaign(t.b.id, { templateId: everything.id });
    const before = await read(theirs.campaign.id);
    const res = await updateLocalCampaignDef.run(t.opA, {
      ...unchanged(theirs.campaign.id),
      targeting: [],
      typology: { ...defaultTypology, controlGroupPercent: 20 },
      personalization: { storeName: "Hijacked" },
    });
    expect(res).toMatchObject({ ok: false, code: "not_found" });
    expect(await evaluateCampaignTargetDef.run(t.opA, { entity: t.a.internalName, campaignId: theirs.campaign.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await read(theirs.campaign.id)).toEqual(before);
  });

  it("refuses a part the template keeps central, on its field, and accepts it sent back unchanged", async () => {
    const { campaign } = await localCampaign(t.a.id, { templateId: onlyPersonalization.id });
    const before = await read(campaign.id);
    const refused = await updateLocalCampaignDef.run(t.opA, {
      ...unchanged(campaign.id),
      targeting: [{ field: "city", operator: "equals", value: "Lyon" }],
      scheduledAt: inAWeek(),
      typology: { ...defaultTypology, excludeBounced: false },
      personalization: { storeName: "New store", discount: "15" },
    });
    expect(refused).toMatchObject({ ok: false, code: "invalid_input" });
    const fieldErrors = (refused as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(fieldErrors).sort()).toEqual(["scheduledAt", "targeting", "typology"]);
    expect(fieldErrors.targeting).toMatch(/Set by the central team/);
    expect(await read(campaign.id)).toEqual(before);

    // Personalization is the entity's: checked with the template's fields, errors on each field.
    expect(await updateLocalCampaignDef.run(t.opA, { ...unchanged(campaign.id), personalization: { storeName: " ", discount: "ten" } })).toMatchObject({
      ok: false,
      fieldErrors: { "personalization.storeName": "Enter Store name.", "personalization.discount": "Enter a number, like 12 or 12.5." },
    });
    expect(await read(campaign.id)).toEqual(before);

    expect(await updateLocalCampaignDef.run(t.opA, { ...unchanged(campaign.id), personalization: { storeName: "New store", discount: "15" } })).toMatchObject({ ok: true });
    const after = await read(campaign.id);
    // The file field set on the order stays.
    expect(after.campaign.personalization).toEqual({ storeName: "New store", discount: 15, logo: "file-id" });
    expect(after.workflow.targeting).toEqual(before.workflow.targeting);
  });

  it("refuses personalization changes when only the targeting is the entity's", async () => {
    const onlyTargeting = await template(["targeting"]);
    const { campaign } = await localCampaign(t.a.id, { templateId: onlyTargeting.id });
    // Sent back as the page shows them (numbers as text): unchanged, so accepted.
    expect(await updateLocalCampaignDef.run(t.opA, { ...unchanged(campaign.id), targeting: [] })).toMatchObject({ ok: true });
    expect(await updateLocalCampaignDef.run(t.opA, { ...unchanged(campaign.id), targeting: [], personalization: { storeName: "Other", discount: "10" } })).toMatchObject({
      ok: false,
      fieldErrors: { personalization: expect.stringMatching(/Set by the central team/) },
    });
    expect((await read(campaign.id)).campaign.personalization).toMatchObject({ storeName: "Old store" });
  });

  it("refuses targeting and schedule changes once the workflow is started", async () => {
    const { campaign, workflow } = await localCampaign(t.a.id, { templateId: everything.id, status: "started" });
    await getDb().update(workflows).set({ status: "started" }).where(eq(workflows.id, workflow.id));
    const before = await read(campaign.id);
    const res = await updateLocalCampaignDef.run(t.opA, { ...unchanged(campaign.id), targeting: [], scheduledAt: inAWeek() });
    expect(res).toMatchObject({ ok: false, code: "invalid_input" });
    const fieldErrors = (res as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(fieldErrors.targeting).toMatch(/The workflow is running/);
    expect(fieldErrors.scheduledAt).toMatch(/The workflow is running/);
    expect(await read(campaign.id)).toEqual(before);
    // The typology rules are the campaign's, not the workflow's: they still change.
    expect(await updateLocalCampaignDef.run(t.opA, { ...unchanged(campaign.id), typology: { ...defaultTypology, controlGroupPercent: 5 } })).toMatchObject({ ok: true });
    expect((await read(campaign.id)).campaign.typology.controlGroupPercent).toBe(5);
  });

  it("refuses any change to a canceled campaign", async () => {
    const { campaign } = await localCampaign(t.a.id, { templateId: everything.id, status: "canceled" });
    expect(await updateLocalCampaignDef.run(t.opA, unchanged(campaign.id))).toMatchObject({ ok: false, code: "conflict" });
  });

  it("saves targeting, schedule, typology rules and personalization the template allows", async () => {
    const { campaign } = await localCampaign(t.a.id, { templateId: everything.id });
    const at = inAWeek();
    const typology = { pressure: { maxMessages: 2, days: 30 }, excludeUnsubscribed: false, excludeBounced: true, controlGroupPercent: 10 };
    const res = await updateLocalCampaignDef.run(t.opA, {
      ...unchanged(campaign.id),
      targeting: [
        { field: "store", operator: "contains", value: "north" },
        { field: "lastName", operator: "is_not_empty", value: "stale" },
      ],
      scheduledAt: at,
      typology,
      personalization: { storeName: "Paris Nord", discount: "" },
    });
    expect(res).toMatchObject({ ok: true, data: { id: campaign.id } });
    const after = await read(campaign.id);
    expect(after.workflow.targeting).toEqual([
      { field: "store", operator: "contains", value: "north" },
      { field: "lastName", operator: "is_not_empty", value: "" },
    ]);
    expect(after.workflow.scheduledAt!.toISOString()).toBe(`${at}:00.000Z`);
    expect(after.campaign.typology).toEqual(typology);
    expect(after.campaign.personalization).toEqual({ storeName: "Paris Nord", discount: null, logo: "file-id" });

    // A schedule in the past is refused; clearing it is not.
    expect(await updateLocalCampaignDef.run(t.opA, { ...unchanged(campaign.id), targeting: after.workflow.targeting, typology, scheduledAt: "2001-01-01T10:00" })).toMatchObject({
      ok: false,
      fieldErrors: { scheduledAt: "Choose a date and time in the future." },
    });
    expect(await updateLocalCampaignDef.run(t.opA, { ...unchanged(campaign.id), targeting: after.workflow.targeting, typology, scheduledAt: "" })).toMatchObject({ ok: true });
    expect((await read(campaign.id)).workflow.scheduledAt).toBeNull();
  });

  it("evaluates the target over the entity's own contacts with the campaign's filter and rules", async () => {
    const { campaign } = await localCampaign(t.a.id, { templateId: everything.id });
    await getDb()
      .update(campaigns)
      .set({ typology: { ...defaultTypology, excludeUnsubscribed: true, controlGroupPercent: 50 } })
      .where(eq(campaigns.id, campaign.id));
    const contact = (entityId: string, city: string, status: "active" | "unsubscribed" = "active") => ({
      entityId,
      email: `${uniq("c")}@test.local`,
      attributes: { city },
      status,
    });
    await getDb()
      .insert(contacts)
      .values([
        contact(t.a.id, "Paris"),
        contact(t.a.id, "paris"),
        contact(t.a.id, "Paris"),
        contact(t.a.id, "Paris", "unsubscribed"),
        contact(t.a.id, "Lyon"),
        contact(t.b.id, "Paris"),
        contact(t.b.id, "Paris"),
      ]);
    const res = await evaluateCampaignTargetDef.run(t.opA, { entity: t.a.internalName, campaignId: campaign.id });
    expect(res).toEqual({ ok: true, data: { targeted: 4, unsubscribed: 1, bounced: 0, pressure: 0, controlGroup: 1, final: 2 } });
    // B's operator cannot evaluate A's campaign, even naming its own entity.
    expect(await evaluateCampaignTargetDef.run(t.opB, { entity: t.b.internalName, campaignId: campaign.id })).toMatchObject({ ok: false, code: "not_found" });
  });
});
