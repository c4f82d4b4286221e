import { eq } from "drizzle-orm";
import { getDb } from "../../db";
import { campaignTemplates, campaigns, deliveries, entityGroupMembers, workflows } from "../../db/schema";
import type { Actor } from "../auth/actor";
import { createPackageDef } from "../packages/actions";
import type { PackageFormInput } from "../packages/schemas";
import { createUser, uniq } from "./factories";

type CollabType = "simple" | "by_form" | "by_campaign" | "by_target_approval";

/** A central reference campaign from a fresh template, with one running workflow and delivery. */
export async function createReferenceCampaign(level: "local" | "collaborative" = "collaborative", collaborativeType: CollabType = "by_form") {
  const db = getDb();
  const [template] = await db
    .insert(campaignTemplates)
    .values({ label: uniq("Template"), internalName: uniq("tpl"), distributionLevel: level, collaborativeType: level === "collaborative" ? collaborativeType : null })
    .returning();
  const [campaign] = await db.insert(campaigns).values({ label: uniq("Campaign"), internalName: uniq("cmp"), templateId: template!.id, status: "started" }).returning();
  const [workflow] = await db.insert(workflows).values({ campaignId: campaign!.id, label: "Main", status: "started" }).returning();
  await db.insert(deliveries).values([
    { campaignId: campaign!.id, workflowId: workflow!.id, label: "Email wave", status: "in_progress" },
    { campaignId: campaign!.id, workflowId: workflow!.id, label: "Done wave", status: "finished" },
  ]);
  return { template: template!, campaign: campaign!, workflow: workflow! };
}

const iso = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 16);

export function packageInput(referenceCampaignId: string, over: Partial<PackageFormInput> = {}): PackageFormInput {
  return {
    kind: "collaborative",
    label: "Spring sale",
    internalName: uniq("pkg"),
    folder: "Seasonal",
    referenceCampaignId,
    assignedToId: "",
    description: "Spring promotions for every store.",
    messageForEntities: "Register before the deadline.",
    sendNotificationOnPublication: true,
    limitToAudience: true,
    audience: [],
    approvalMode: "manual",
    enableMultipleCreation: false,
    startTargetingWithApproval: false,
    startAt: iso(-1),
    availableAt: iso(-1),
    registrationDeadline: iso(10),
    personalizationDeadline: "",
    endAt: iso(30),
    reviewers: [],
    approvalDelayDays: 3,
    reminderDaysBefore: [1],
    ...over,
  };
}

export async function createPackageFor(actor: Actor, input: PackageFormInput): Promise<string> {
  const res = await createPackageDef.run(actor, input);
  if (!res.ok) throw new Error(`createPackage failed: ${JSON.stringify(res)}`);
  return res.data.id;
}

/** Puts a local operator with a unique email in the entity's package notification group. */
export async function notificationMember(entityId: string) {
  const user = await createUser({ role: "local", entityIds: [entityId] });
  await getDb().insert(entityGroupMembers).values({ entityId, group: "package_notification", userId: user.id });
  return user;
}

export async function campaignState(campaignId: string) {
  const db = getDb();
  return {
    campaign: (await db.query.campaigns.findFirst({ where: eq(campaigns.id, campaignId) }))!.status,
    workflows: (await db.select().from(workflows).where(eq(workflows.campaignId, campaignId))).map((w) => w.status),
    deliveries: (await db.select().from(deliveries).where(eq(deliveries.campaignId, campaignId))).map((d) => d.status).sort(),
  };
}
