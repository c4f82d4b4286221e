import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns, dataDistributions, deliveries, providers, workflows } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { createCampaignDef, updateCampaignDef } from "../campaigns/actions";
import type { CampaignInput } from "../campaigns/schemas";
import { actorFor, createCampaignTemplate, createProgram, createUser, uniq } from "../testing/factories";
import type { GraphActivityInput } from "./graph";

const nil = "00000000-0000-4000-8000-000000000000";

describe("saving a workflow graph", () => {
  let central: Actor;
  let base: (activities: GraphActivityInput[]) => CampaignInput;
  let providerId: string;
  let distributionId: string;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
    const { program } = await createProgram();
    const template = await createCampaignTemplate();
    base = (activities) => ({
      label: "Graph",
      internalName: uniq("graph").toLowerCase(),
      programId: program.id,
      templateId: template.id,
      managerId: "",
      startDate: "2030-03-01",
      endDate: "2030-03-31",
      type: "unique",
      activities,
      content: { subject: "", body: "" },
      targeting: [],
      typology: { pressure: null, excludeUnsubscribed: true, excludeBounced: true, controlGroupPercent: 0 },
    });
    providerId = (await getDb().insert(providers).values({ name: uniq("Printer") }).returning())[0]!.id;
    distributionId = (await getDb().insert(dataDistributions).values({ label: uniq("Regions"), field: "region" }).returning())[0]!.id;
  });

  /** Query → Split → fork: an email and a direct mail. */
  const forked = (): GraphActivityInput[] => [
    { id: "q", kind: "query", label: "Targeting", next: ["s"] },
    { id: "s", kind: "split", label: "Regions", next: ["mail", "paper"], distributionId },
    { id: "mail", kind: "delivery", label: "Spring email", next: [], channel: "email", providerId: "" },
    { id: "paper", kind: "delivery", label: "Flyer", next: [], channel: "direct_mail", providerId },
  ];
  const create = async (activities: GraphActivityInput[]) => {
    const input = base(activities);
    const res = await createCampaignDef.run(central, input);
    expect(res).toMatchObject({ ok: true });
    return { id: (res as { data: { id: string } }).data.id, input };
  };
  const state = async (campaignId: string) => {
    const [workflow] = await getDb().select().from(workflows).where(eq(workflows.campaignId, campaignId));
    const rows = await getDb().select().from(deliveries).where(eq(deliveries.campaignId, campaignId));
    const deliveryOf = (activityId: string) => rows.find((r) => r.id === workflow!.activities.find((a) => a.id === activityId)?.deliveryId);
    return { workflow: workflow!, rows, deliveryOf };
  };

  it("gives each Delivery activity a delivery of the campaign, with its label, channel and provider", async () => {
    const { id } = await create(forked());
    const { workflow, rows, deliveryOf } = await state(id);
    expect(rows).toHaveLength(2);
    expect(deliveryOf("mail")).toMatchObject({ campaignId: id, workflowId: workflow.id, label: "Spring email", channel: "email", providerId: null, status: "being_edited" });
    expect(deliveryOf("paper")).toMatchObject({ campaignId: id, workflowId: workflow.id, label: "Flyer", channel: "direct_mail", providerId });
    expect(workflow.activities.find((a) => a.id === "s")).toEqual({ id: "s", kind: "split", label: "Regions", next: ["mail", "paper"], distributionId });
  });

  it("renames a delivery with its activity, deletes one still being edited with its activity, and keeps the others", async () => {
    const { id, input } = await create(forked());
    const before = await state(id);
    const mailId = before.deliveryOf("mail")!.id;
    const renamed = forked()
      .filter((a) => a.id !== "paper")
      .map((a) => (a.id === "s" ? { ...a, next: ["mail", "late"] } : a.id === "mail" ? { ...a, label: "Renamed email" } : a));
    renamed.push({ id: "late", kind: "delivery", label: "Late email", next: [], channel: "email", providerId: "" });
    expect(await updateCampaignDef.run(central, { ...input, id, activities: renamed })).toMatchObject({ ok: true });
    const after = await state(id);
    expect(after.deliveryOf("mail")).toMatchObject({ id: mailId, label: "Renamed email" });
    expect(after.rows.map((r) => r.label).sort()).toEqual(["Late email", "Renamed email"]);

    // A delivery past Being edited stays when its activity goes, and its channel no longer changes.
    await getDb().update(deliveries).set({ status: "to_validate" }).where(eq(deliveries.id, mailId));
    const toPaper = renamed.map((a) => (a.id === "mail" ? { ...a, channel: "direct_mail" as const, providerId } : a));
    expect(await updateCampaignDef.run(central, { ...input, id, activities: toPaper })).toMatchObject({
      ok: false,
      fieldErrors: { "activities.2.channel": "This delivery is no longer being edited: its channel and provider can no longer change." },
    });
    const withoutMail = renamed.filter((a) => a.id !== "mail").map((a) => (a.id === "s" ? { ...a, next: ["late"] } : a));
    expect(await updateCampaignDef.run(central, { ...input, id, activities: withoutMail })).toMatchObject({ ok: true });
    expect((await state(id)).rows.map((r) => r.id)).toContain(mailId);
  });

  it("ignores a deliveryId sent by the browser: another campaign's delivery is neither reused nor touched", async () => {
    const other = await create(forked());
    const foreign = (await state(other.id)).deliveryOf("mail")!;
    const { id } = await create(forked().map((a) => (a.id === "mail" ? { ...a, deliveryId: foreign.id, label: "Hijack" } : a)));
    const mine = (await state(id)).deliveryOf("mail")!;
    expect(mine.id).not.toBe(foreign.id);
    expect(mine).toMatchObject({ campaignId: id, label: "Hijack" });
    expect((await getDb().query.deliveries.findFirst({ where: eq(deliveries.id, foreign.id) }))!.label).toBe("Spring email");
  });

  it("refuses a data distribution or a provider that does not exist, and a graph that breaks a rule, writing nothing", async () => {
    const missing = forked().map((a) => (a.id === "s" ? { ...a, distributionId: nil } : a.id === "paper" ? { ...a, providerId: nil } : a));
    const input = base(missing);
    expect(await createCampaignDef.run(central, input)).toMatchObject({
      ok: false,
      fieldErrors: { "activities.1.distributionId": "Choose an existing data distribution.", "activities.3.providerId": "Choose an existing service provider." },
    });
    expect(await getDb().query.campaigns.findFirst({ where: eq(campaigns.internalName, input.internalName) })).toBeUndefined();

    const forkFirst: GraphActivityInput[] = [
      { id: "q", kind: "query", label: "Targeting", next: ["s", "e"] },
      { id: "s", kind: "split", label: "Regions", next: ["d"], distributionId },
      { id: "d", kind: "delivery", label: "Email", next: [] },
      { id: "e", kind: "end", label: "End", next: [] },
    ];
    expect(await createCampaignDef.run(central, base(forkFirst))).toMatchObject({
      ok: false,
      fieldErrors: { "activities.1.kind": expect.stringContaining("Split “Regions” comes after the fork at Query “Targeting”") },
    });
  });
});
