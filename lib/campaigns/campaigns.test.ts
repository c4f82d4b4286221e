import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, workflows } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createCampaignTemplate, createLocalEntity, createProgram, createUser, uniq } from "../testing/factories";
import { createCampaignDef, updateCampaignDef } from "./actions";
import type { CampaignInput } from "./schemas";

describe("reference campaigns", () => {
  let central: Actor;
  let base: () => CampaignInput;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
    const { program } = await createProgram();
    const template = await createCampaignTemplate({ distributionLevel: "collaborative", collaborativeType: "by_form" });
    base = () => ({
      label: "Spring newsletter",
      internalName: uniq("spring").toLowerCase(),
      programId: program.id,
      templateId: template.id,
      managerId: central.userId,
      startDate: "2030-03-01",
      endDate: "2030-03-31",
      type: "unique",
      activities: [
        { id: "q", kind: "query", label: "Targeting", next: ["d"] },
        { id: "d", kind: "delivery", label: "Email", next: ["e"], channel: "email", providerId: "" },
        { id: "e", kind: "end", label: "End", next: [] },
      ],
      content: { subject: "Spring is here", body: "Hello {{firstName}}, see you at {{storeName}}." },
      targeting: [],
      typology: { pressure: null, excludeUnsubscribed: true, excludeBounced: true, controlGroupPercent: 0 },
    });
  });

  const workflowOf = async (campaignId: string) => (await getDb().select().from(workflows).where(eq(workflows.campaignId, campaignId)))[0]!;

  it("creates a central campaign with its workflow graph as drawn", async () => {
    const res = await createCampaignDef.run(central, base());
    expect(res).toMatchObject({ ok: true });
    const id = (res as { data: { id: string } }).data.id;
    const campaign = await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, id) });
    expect(campaign).toMatchObject({ entityId: null, status: "being_edited", managerId: central.userId, type: "unique" });
    expect(campaign!.startDate!.toISOString()).toBe("2030-03-01T00:00:00.000Z");
    const { activities, status } = await workflowOf(id);
    expect(status).toBe("being_edited");
    expect(activities.map((a) => [a.kind, a.label])).toEqual([
      ["query", "Targeting"],
      ["delivery", "Email"],
      ["end", "End"],
    ]);
    expect(activities.map((a) => [a.id, a.next])).toEqual([
      ["q", ["d"]],
      ["d", ["e"]],
      ["e", []],
    ]);
    // The Delivery activity owns a delivery of this campaign, made in the same save.
    expect(activities[1]!.deliveryId).toEqual(expect.any(String));
  });

  it("inserts, renames and moves activities, keeping their ids, then fixes the graph once it runs", async () => {
    const id = ((await createCampaignDef.run(central, base())) as { data: { id: string } }).data.id;
    const input = { ...base(), id, internalName: (await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, id) }))!.internalName };
    const graph = [
      { id: "q", kind: "query" as const, label: "Targeting", next: ["w"], x: 16, y: 16 },
      { id: "w", kind: "wait" as const, label: "Three days", next: ["d"], waitMinutes: 4320 },
      { id: "d", kind: "delivery" as const, label: "Reminder", next: ["e"] },
      { id: "e", kind: "end" as const, label: "End", next: [] },
    ];
    expect(await updateCampaignDef.run(central, { ...input, label: "Renamed", activities: graph })).toMatchObject({ ok: true });
    const { activities } = await workflowOf(id);
    expect(activities).toMatchObject([
      { id: "q", kind: "query", next: ["w"], x: 16, y: 16 },
      { id: "w", kind: "wait", next: ["d"], waitMinutes: 4320 },
      { id: "d", kind: "delivery", label: "Reminder", next: ["e"] },
      { id: "e", kind: "end", next: [] },
    ]);

    // Once the workflow runs, its graph is fixed; the campaign's other fields still change.
    await getDb().update(workflows).set({ status: "started" }).where(eq(workflows.campaignId, id));
    const moved = graph.map((a) => (a.id === "q" ? { ...a, x: 200 } : a));
    expect(await updateCampaignDef.run(central, { ...input, activities: moved })).toMatchObject({
      ok: false,
      fieldErrors: { activities: "The workflow can only change while it is being edited." },
    });
    // What the form sends back unchanged (the stored deliveryId included) is accepted.
    expect(await updateCampaignDef.run(central, { ...input, label: "Again", activities: activities.map((a) => ({ ...a })) })).toMatchObject({ ok: true });
  });

  it("puts each problem on its field and saves nothing", async () => {
    const internalName = uniq("bad").toLowerCase();
    const res = await createCampaignDef.run(central, {
      ...base(),
      internalName,
      label: "",
      programId: "",
      endDate: "2030-02-01",
      activities: [
        { id: "e", kind: "end", label: "End", next: ["d"] },
        { id: "d", kind: "delivery", label: "", next: [] },
      ],
    });
    expect(res).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: {
        label: "Enter a label.",
        programId: "Choose a program.",
        endDate: "End on or after the start date.",
        "activities.root": "Add a Query activity: every workflow starts with its targeting.",
        "activities.0.next": "End “End” ends its branch: remove its transitions.",
        "activities.1.label": "Enter a label.",
      },
    });
    expect(await createCampaignDef.run(central, { ...base(), internalName, activities: [] })).toMatchObject({ ok: false, fieldErrors: { activities: "Add at least one activity." } });
    expect(await getDb().query.campaigns.findFirst({ where: eq(campaigns.internalName, internalName) })).toBeUndefined();
  });

  it("refuses references that do not exist, a local manager and a taken internal name", async () => {
    const local = await createUser({ role: "local" });
    const nil = "00000000-0000-4000-8000-000000000000";
    expect(await createCampaignDef.run(central, { ...base(), programId: nil, templateId: nil, managerId: local.id })).toMatchObject({
      ok: false,
      fieldErrors: { programId: "Choose an existing program.", templateId: "Choose an existing template.", managerId: "Choose a central operator." },
    });
    const first = base();
    expect(await createCampaignDef.run(central, first)).toMatchObject({ ok: true });
    expect(await createCampaignDef.run(central, { ...base(), internalName: first.internalName })).toMatchObject({
      ok: false,
      fieldErrors: { internalName: "Another campaign already uses this internal name." },
    });
  });

  it("does not edit an entity's own campaign from the central area", async () => {
    const entity = await createLocalEntity();
    const [local] = await getDb().insert(campaigns).values({ label: "Local", internalName: uniq("local").toLowerCase(), entityId: entity.id }).returning();
    expect(await updateCampaignDef.run(central, { ...base(), id: local!.id })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("saves the message and typology rules on the campaign and the targeting on its workflow, fixed once it runs", async () => {
    const targeting = [
      { field: "city", operator: "equals" as const, value: "Paris" },
      { field: "email", operator: "is_not_empty" as const, value: "ignored" },
    ];
    const typology = { pressure: { maxMessages: 2, days: 14 }, excludeUnsubscribed: true, excludeBounced: false, controlGroupPercent: 10 };
    const input = { ...base(), targeting, typology };
    const id = ((await createCampaignDef.run(central, input)) as { data: { id: string } }).data.id;
    const campaign = await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, id) });
    expect(campaign).toMatchObject({ content: { subject: "Spring is here", body: "Hello {{firstName}}, see you at {{storeName}}." }, typology });
    expect((await workflowOf(id)).targeting).toEqual([
      { field: "city", operator: "equals", value: "Paris" },
      { field: "email", operator: "is_not_empty", value: "" },
    ]);

    expect(await createCampaignDef.run(central, { ...base(), targeting: [{ field: "1city", operator: "equals", value: "" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "targeting.0.field": "Use a field name like region or firstName.", "targeting.0.value": "Enter a value." },
    });

    await getDb().update(workflows).set({ status: "started" }).where(eq(workflows.campaignId, id));
    const activities = (await workflowOf(id)).activities.map((a) => ({ id: a.id, kind: a.kind, label: a.label, next: a.next }));
    const again = { ...input, id, activities };
    expect(await updateCampaignDef.run(central, { ...again, targeting: [] })).toMatchObject({
      ok: false,
      fieldErrors: { targeting: "The targeting can only change while the workflow is being edited." },
    });
    expect((await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, id) }))!.label).toBe(input.label);
    // The message and typology rules still change; the same targeting is accepted.
    expect(await updateCampaignDef.run(central, { ...again, label: "Later", content: { subject: "New", body: "" }, typology: { ...typology, pressure: null } })).toMatchObject({ ok: true });
    expect(await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, id) })).toMatchObject({ label: "Later", content: { subject: "New", body: "" }, typology: { pressure: null } });
  });
});
