import { getDb } from "../../db";
import { campaignTemplates, campaigns, deliveries, entityGroupMembers, packageAudience, packages, workflows, type CampaignContent, type PersonalizationField, type TargetingCondition } from "../../db/schema";
import { actorFor, createLocalEntity, createUser, uniq } from "./factories";
import { notificationMember } from "./package-factories";

const days = (n: number) => new Date(Date.now() + n * 86_400_000);

export type PublishedOptions = {
  kind?: "local" | "collaborative";
  collaborativeType?: "simple" | "by_form" | "by_campaign" | "by_target_approval";
  approvalMode?: "manual" | "automatic";
  fields?: PersonalizationField[];
  maxReviewers?: number;
  maxDocuments?: number;
  audience?: string[];
  enableMultipleCreation?: boolean;
  startTargetingWithApproval?: boolean;
  startAt?: Date;
  endAt?: Date;
  availableAt?: Date;
  registrationDeadline?: Date | null;
  status?: "published" | "canceled" | "approved";
  content?: CampaignContent;
  targeting?: TargetingCondition[];
  reminderDaysBefore?: number[];
};

/** A package already published (or in the given status), written directly: order tests start here. */
export async function publishedPackage(o: PublishedOptions = {}) {
  const db = getDb();
  const kind = o.kind ?? "collaborative";
  const [template] = await db
    .insert(campaignTemplates)
    .values({
      label: uniq("Template"),
      internalName: uniq("tpl"),
      distributionLevel: kind,
      collaborativeType: kind === "collaborative" ? (o.collaborativeType ?? "by_form") : null,
      personalizationFields: o.fields ?? [],
      maxReviewers: o.maxReviewers ?? 0,
      maxDocuments: o.maxDocuments ?? 0,
    })
    .returning();
  const [campaign] = await db
    .insert(campaigns)
    .values({ label: uniq("Reference"), internalName: uniq("ref"), templateId: template!.id, status: "started", content: o.content ?? { subject: "", body: "" } })
    .returning();
  const [workflow] = await db.insert(workflows).values({ campaignId: campaign!.id, label: "Main", status: "started", targeting: o.targeting ?? [] }).returning();
  await db.insert(deliveries).values({ campaignId: campaign!.id, workflowId: workflow!.id, label: "Email wave", status: "in_progress" });
  const [pkg] = await db
    .insert(packages)
    .values({
      kind,
      label: uniq("Package"),
      internalName: uniq("pkg"),
      referenceCampaignId: campaign!.id,
      limitToAudience: Boolean(o.audience),
      approvalMode: o.approvalMode ?? "manual",
      enableMultipleCreation: o.enableMultipleCreation ?? false,
      startTargetingWithApproval: o.startTargetingWithApproval ?? false,
      startAt: o.startAt ?? days(-2),
      endAt: o.endAt ?? days(30),
      availableAt: o.availableAt ?? days(-1),
      registrationDeadline: o.registrationDeadline === undefined ? (kind === "collaborative" ? days(10) : null) : o.registrationDeadline,
      reminderDaysBefore: o.reminderDaysBefore ?? [1],
      status: o.status ?? "published",
    })
    .returning();
  if (o.audience?.length) await db.insert(packageAudience).values(o.audience.map((entityId) => ({ packageId: pkg!.id, entityId })));
  return { pkg: pkg!, template: template!, campaign: campaign!, workflow: workflow! };
}

export const textField = (name: string, over: Partial<PersonalizationField> = {}): PersonalizationField => ({ name, label: name, type: "text", required: false, ...over });

/** The wizard's fields for a plain order. */
export function orderDetails(over: Record<string, unknown> = {}) {
  return { label: "Our order", comment: "", parameters: {}, reviewerIds: [], documents: [], ...over };
}

/** A local entity with an operator in its notification group and an order reviewer. */
export async function entityWithPeople() {
  const e = await createLocalEntity();
  const member = await notificationMember(e.id);
  const op = await actorFor(member.id);
  const reviewerUser = await createUser({ role: "local", entityIds: [e.id] });
  await getDb().insert(entityGroupMembers).values({ entityId: e.id, group: "order_reviewers", userId: reviewerUser.id });
  return { e, op, member, reviewer: await actorFor(reviewerUser.id) };
}
