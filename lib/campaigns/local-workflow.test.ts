import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, campaignTemplates, dataDistributions, defaultTypology, deliveries, workflows, type LocalEditablePart, type WorkflowActivity } from "../../db/schema";
import { twoTenants, uniq } from "../testing/factories";
import type { GraphActivityInput } from "../workflows/graph";
import { updateLocalCampaignDef } from "./actions";

// The workflow graph on an entity's own or child campaign: only where the template grants
// "workflow", only while the workflow is being edited, deliveries made by the server.

const nil = "00000000-0000-4000-8000-000000000000";
const stored: WorkflowActivity[] = [
  { id: "q", kind: "query", label: "Targeting", next: ["e"] },
  { id: "e", kind: "end", label: "End", next: [] },
];
const withDelivery = (over: Partial<GraphActivityInput> = {}): GraphActivityInput[] => [
  { id: "q", kind: "query", label: "Targeting", next: ["w"] },
  { id: "w", kind: "wait", label: "A day", next: ["d"], waitMinutes: 1440 },
  { id: "d", kind: "delivery", label: "Our email", next: [], channel: "email", providerId: "", ...over },
];

async function template(localEditable: LocalEditablePart[]) {
  const [row] = await getDb()
    .insert(campaignTemplates)
    .values({ label: uniq("Template"), internalName: uniq("tpl").toLowerCase(), distributionLevel: "local", localEditable })
    .returning();
  return row!;
}

async function localCampaign(entityId: string, templateId: string | null) {
  const [campaign] = await getDb().insert(campaigns).values({ label: uniq("Local"), internalName: uniq("local").toLowerCase(), entityId, templateId }).returning();
  const [workflow] = await getDb().insert(workflows).values({ campaignId: campaign!.id, label: "Main", activities: stored }).returning();
  return { campaign: campaign!, workflow: workflow! };
}

const state = async (campaignId: string) => ({
  workflow: (await getDb().select().from(workflows).where(eq(workflows.campaignId, campaignId)))[0]!,
  deliveries: await getDb().select().from(deliveries).where(eq(deliveries.campaignId, campaignId)),
});

describe("an entity's workflow graph", () => {
  let t: Awaited<ReturnType<typeof twoTenants>>;
  let save: (campaignId: string, activities?: GraphActivityInput[], actor?: typeof t.opA, entity?: string) => ReturnType<typeof updateLocalCampaignDef.run>;
  beforeAll(async () => {
    t = await twoTenants();
    save = (campaignId, activities, actor = t.opA, entity = t.a.internalName) =>
      updateLocalCampaignDef.run(actor, { entity, campaignId, targeting: [], scheduledAt: "", typology: { ...defaultTypology }, personalization: {}, ...(activities ? { activities } : {}) });
  });

  it("cannot change the workflow when the template does not allow it, nor on a campaign without template", async () => {
    for (const templateId of [(await template(["targeting", "schedule", "typology", "personalization"])).id, null]) {
      const { campaign } = await localCampaign(t.a.id, templateId);
      const before = await state(campaign.id);
      expect(await save(campaign.id, withDelivery())).toMatchObject({ ok: false, fieldErrors: { activities: expect.stringMatching(/Set by the central team/) } });
      expect(await state(campaign.id)).toEqual(before);
      expect(before.deliveries).toEqual([]);
      // Sent back unchanged, or not sent at all, the rest of the page still saves.
      expect(await save(campaign.id, stored.map((a) => ({ ...a })))).toMatchObject({ ok: true });
      expect(await save(campaign.id)).toMatchObject({ ok: true });
    }
  });

  it("saves the graph where the template allows it, the deliveries made by the server for this campaign", async () => {
    const allowing = await template(["workflow"]);
    const theirs = await localCampaign(t.b.id, allowing.id);
    expect(await save(theirs.campaign.id, withDelivery(), t.opB, t.b.internalName)).toMatchObject({ ok: true });
    const foreign = (await state(theirs.campaign.id)).deliveries[0]!;

    const { campaign, workflow } = await localCampaign(t.a.id, allowing.id);
    // A deliveryId of another entity's campaign is ignored: the server makes this campaign's own.
    expect(await save(campaign.id, withDelivery({ deliveryId: foreign.id }))).toMatchObject({ ok: true });
    const after = await state(campaign.id);
    expect(after.deliveries).toHaveLength(1);
    expect(after.deliveries[0]).toMatchObject({ campaignId: campaign.id, workflowId: workflow.id, label: "Our email", channel: "email" });
    expect(after.workflow.activities.find((a) => a.id === "d")!.deliveryId).toBe(after.deliveries[0]!.id);
    expect((await getDb().query.deliveries.findFirst({ where: eq(deliveries.id, foreign.id) }))).toMatchObject({ campaignId: theirs.campaign.id, label: "Our email" });

    // Checked with the same rules as the central form, and against what exists.
    expect(await save(campaign.id, withDelivery().slice(0, 2).map((a) => (a.id === "w" ? { ...a, next: [] } : a)))).toMatchObject({
      ok: false,
      fieldErrors: { "activities.1.next": "Wait “A day” leaves its branch unfinished: add a transition to a Delivery or an End." },
    });
    const split: GraphActivityInput[] = [{ id: "q", kind: "query", label: "Targeting", next: ["s"] }, { id: "s", kind: "split", label: "Regions", next: ["d"], distributionId: nil }, withDelivery()[2]!];
    expect(await save(campaign.id, split)).toMatchObject({ ok: false, fieldErrors: { "activities.1.distributionId": "Choose an existing data distribution." } });
    const [d] = await getDb().insert(dataDistributions).values({ label: uniq("Regions"), field: "region" }).returning();
    expect(await save(campaign.id, split.map((a) => (a.id === "s" ? { ...a, distributionId: d!.id } : a)))).toMatchObject({ ok: true });
    expect((await state(campaign.id)).deliveries.map((r) => r.id)).toEqual([after.deliveries[0]!.id]);

    // B's operator cannot reach A's campaign at all.
    expect(await save(campaign.id, withDelivery(), t.opB, t.b.internalName)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("cannot change the workflow once it runs", async () => {
    const { campaign, workflow } = await localCampaign(t.a.id, (await template(["workflow"])).id);
    await getDb().update(workflows).set({ status: "started" }).where(eq(workflows.id, workflow.id));
    expect(await save(campaign.id, withDelivery())).toMatchObject({ ok: false, fieldErrors: { activities: expect.stringMatching(/^The workflow is running \(started\)/) } });
    expect((await state(campaign.id)).deliveries).toEqual([]);
  });
});
