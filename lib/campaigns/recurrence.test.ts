import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { campaigns } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { actorFor, createCampaignTemplate, createProgram, createUser, uniq } from "../testing/factories";
import { createCampaignDef, updateCampaignDef } from "./actions";
import { campaignSchema, type CampaignInput } from "./schemas";

describe("the frequency of recurring and periodic campaigns", () => {
  let central: Actor;
  let base: () => CampaignInput;
  beforeAll(async () => {
    central = await actorFor((await createUser({ role: "central" })).id);
    const { program } = await createProgram();
    const template = await createCampaignTemplate();
    base = () => ({
      label: "Monthly offers",
      internalName: uniq("monthly").toLowerCase(),
      programId: program.id,
      templateId: template.id,
      managerId: "",
      startDate: "2030-01-31",
      endDate: "2030-12-31",
      type: "unique",
      activities: [
        { id: "q", kind: "query", label: "Targeting", next: ["e"] },
        { id: "e", kind: "end", label: "End", next: [] },
      ],
      content: { subject: "Offers", body: "Hello" },
      targeting: [],
      typology: { pressure: null, excludeUnsubscribed: true, excludeBounced: true, controlGroupPercent: 0 },
    });
  });

  const messageAt = (input: CampaignInput, path: string) => {
    const res = campaignSchema.safeParse(input);
    return res.success ? undefined : res.error.issues.find((i) => i.path.join(".") === path)?.message;
  };

  it("requires it for recurring and periodic campaigns, with a clear message, and not for unique ones", () => {
    const missing = "A recurring or periodic campaign needs its frequency: every how many days, weeks or months.";
    expect(messageAt({ ...base(), type: "recurring" }, "recurrence.every")).toBe(missing);
    expect(messageAt({ ...base(), type: "periodic", recurrence: null }, "recurrence.every")).toBe(missing);
    // What the form sends when the fields are left empty.
    expect(messageAt({ ...base(), type: "periodic", recurrence: { every: Number.NaN, unit: "" as "day" } }, "recurrence.every")).toBe("Enter how often, as a whole number of days, weeks or months.");
    expect(messageAt({ ...base(), type: "periodic", recurrence: { every: 2, unit: "" as "day" } }, "recurrence.unit")).toBe("Choose days, weeks or months.");
    expect(messageAt({ ...base(), type: "recurring", recurrence: { every: 0, unit: "week" } }, "recurrence.every")).toBe("Use 1 or more.");
    expect(messageAt({ ...base(), type: "recurring", recurrence: { every: 1.5, unit: "week" } }, "recurrence.every")).toBe("Enter a whole number.");
    expect(campaignSchema.safeParse({ ...base(), type: "recurring", recurrence: { every: 1, unit: "month" } }).success).toBe(true);
    expect(campaignSchema.safeParse(base()).success).toBe(true);
  });

  it("saves it on recurring and periodic campaigns, and none on unique ones", async () => {
    const res = await createCampaignDef.run(central, { ...base(), type: "periodic", recurrence: { every: 2, unit: "week" } });
    expect(res).toMatchObject({ ok: true });
    const id = (res as { data: { id: string } }).data.id;
    const saved = await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, id) });
    expect(saved).toMatchObject({ type: "periodic", recurrence: { every: 2, unit: "week" } });

    // Back to unique: the frequency goes, even if the input still carries one.
    const update = { ...base(), internalName: saved!.internalName, id, type: "unique" as const, recurrence: { every: 2, unit: "week" as const } };
    expect(await updateCampaignDef.run(central, update)).toMatchObject({ ok: true });
    expect(await getDb().query.campaigns.findFirst({ where: eq(campaigns.id, id) })).toMatchObject({ type: "unique", recurrence: null });

    // The server refuses a recurring campaign without one, on the field.
    expect(await createCampaignDef.run(central, { ...base(), type: "recurring" })).toMatchObject({
      ok: false,
      fieldErrors: { "recurrence.every": expect.stringMatching(/needs its frequency/) },
    });
  });
});
