import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaignTemplates, campaigns, entities, packageAudience, packageReviewers, packages, users } from "@/db/schema";
import type { PackageFormInput } from "./schemas";

/** The choices a package form offers: central reference campaigns of the right level, people, entities. */
export async function packageFormOptions(db: DbOrTx, kind: "local" | "collaborative") {
  const [refs, centralUsers, locals] = await Promise.all([
    db
      .select({ id: campaigns.id, label: campaigns.label })
      .from(campaigns)
      .innerJoin(campaignTemplates, eq(campaignTemplates.id, campaigns.templateId))
      .where(and(isNull(campaigns.entityId), eq(campaignTemplates.distributionLevel, kind)))
      .orderBy(asc(campaigns.label))
      .limit(2000),
    db.select({ id: users.id, label: users.name }).from(users).where(and(eq(users.role, "central"), isNull(users.disabledAt))).orderBy(asc(users.name)),
    db.select({ id: entities.id, label: entities.label, hint: entities.internalName }).from(entities).where(eq(entities.kind, "local")).orderBy(asc(entities.label)).limit(20_000),
  ]);
  return { campaigns: refs, centralUsers, entities: locals };
}

const local = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");

export async function packageFormValues(db: DbOrTx, id: string): Promise<PackageFormInput | null> {
  const p = await db.query.packages.findFirst({ where: eq(packages.id, id) });
  if (!p) return null;
  const [audience, reviewers] = await Promise.all([
    db.select({ id: packageAudience.entityId }).from(packageAudience).where(eq(packageAudience.packageId, id)),
    db.select({ id: packageReviewers.userId }).from(packageReviewers).where(eq(packageReviewers.packageId, id)),
  ]);
  return {
    kind: p.kind,
    label: p.label,
    internalName: p.internalName,
    folder: p.folder,
    referenceCampaignId: p.referenceCampaignId,
    assignedToId: p.assignedToId ?? "",
    description: p.description,
    messageForEntities: p.messageForEntities,
    sendNotificationOnPublication: p.sendNotificationOnPublication,
    limitToAudience: p.limitToAudience,
    audience: audience.map((a) => a.id),
    approvalMode: p.approvalMode,
    enableMultipleCreation: p.enableMultipleCreation,
    startTargetingWithApproval: p.startTargetingWithApproval,
    startAt: local(p.startAt),
    availableAt: local(p.availableAt),
    registrationDeadline: local(p.registrationDeadline),
    personalizationDeadline: local(p.personalizationDeadline),
    endAt: local(p.endAt),
    reviewers: reviewers.map((r) => r.id),
    approvalDelayDays: p.approvalDelayDays,
    reminderDaysBefore: p.reminderDaysBefore.map(String),
  };
}

export function emptyPackageValues(kind: "local" | "collaborative"): PackageFormInput {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 11) + "08:00";
  return {
    kind,
    label: "",
    internalName: "",
    folder: "",
    referenceCampaignId: "",
    assignedToId: "",
    description: "",
    messageForEntities: "",
    sendNotificationOnPublication: true,
    limitToAudience: kind === "collaborative",
    audience: [],
    approvalMode: "manual",
    enableMultipleCreation: false,
    startTargetingWithApproval: false,
    startAt: day(1),
    availableAt: day(7),
    registrationDeadline: kind === "collaborative" ? day(21) : "",
    personalizationDeadline: "",
    endAt: day(60),
    reviewers: [],
    approvalDelayDays: 3,
    reminderDaysBefore: ["1"],
  };
}
