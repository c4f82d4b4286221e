import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaigns, entities, packageAudience, packageJournal, packageReviewers, packages, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { toDate, type PackageFormValues } from "./schemas";
import { applyTransition } from "./transition";

function columns(v: PackageFormValues) {
  return {
    kind: v.kind,
    label: v.label,
    internalName: v.internalName,
    folder: v.folder,
    referenceCampaignId: v.referenceCampaignId,
    assignedToId: v.assignedToId || null,
    description: v.description,
    messageForEntities: v.messageForEntities,
    sendNotificationOnPublication: v.sendNotificationOnPublication,
    limitToAudience: v.kind === "collaborative" || v.limitToAudience,
    approvalMode: v.approvalMode,
    enableMultipleCreation: v.kind === "local" && v.enableMultipleCreation,
    startTargetingWithApproval: v.kind === "local" && v.startTargetingWithApproval,
    startAt: toDate(v.startAt),
    availableAt: toDate(v.availableAt),
    endAt: toDate(v.endAt),
    registrationDeadline: v.registrationDeadline ? toDate(v.registrationDeadline) : null,
    personalizationDeadline: v.personalizationDeadline ? toDate(v.personalizationDeadline) : null,
    approvalDelayDays: v.approvalDelayDays,
    reminderDaysBefore: [...new Set(v.reminderDaysBefore)].sort((a, b) => b - a),
  };
}

async function checkReferences(tx: Tx, v: PackageFormValues, id?: string) {
  const clash = await tx.query.packages.findFirst({ where: eq(packages.internalName, v.internalName), columns: { id: true } });
  if (clash && clash.id !== id) throw new AppError("invalid_input", undefined, { internalName: "Another package already uses this internal name." });
  const ref = await tx.query.campaigns.findFirst({ where: eq(campaigns.id, v.referenceCampaignId), columns: { entityId: true } });
  if (!ref || ref.entityId) throw new AppError("invalid_input", undefined, { referenceCampaignId: "Choose a central reference campaign." });
  if (v.audience.length) {
    const found = await tx.select({ n: sql<number>`count(*)::int` }).from(entities).where(and(inArray(entities.id, v.audience), eq(entities.kind, "local")));
    if (found[0]!.n !== new Set(v.audience).size) throw new AppError("invalid_input", undefined, { audience: "Choose existing local entities." });
  }
  if (v.reviewers.length) {
    const found = await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(and(inArray(users.id, v.reviewers), eq(users.role, "central")));
    if (found[0]!.n !== new Set(v.reviewers).size) throw new AppError("invalid_input", undefined, { reviewers: "Reviewers must be central operators." });
  }
}

async function replaceLinks(tx: Tx, packageId: string, v: PackageFormValues) {
  await tx.delete(packageAudience).where(eq(packageAudience.packageId, packageId));
  await tx.delete(packageReviewers).where(eq(packageReviewers.packageId, packageId));
  const audience = [...new Set(v.audience)];
  for (let i = 0; i < audience.length; i += 5000) {
    await tx.insert(packageAudience).values(audience.slice(i, i + 5000).map((entityId) => ({ packageId, entityId })));
  }
  const reviewers = [...new Set(v.reviewers)];
  if (reviewers.length) await tx.insert(packageReviewers).values(reviewers.map((userId) => ({ packageId, userId })));
}

export async function createPackage(tx: Tx, actor: Actor, v: PackageFormValues): Promise<string> {
  await checkReferences(tx, v);
  const [row] = await tx.insert(packages).values({ ...columns(v), createdById: actor.userId }).returning({ id: packages.id });
  await replaceLinks(tx, row!.id, v);
  await tx.insert(packageJournal).values({ packageId: row!.id, action: "Created", actorId: actor.userId, actorName: actor.name });
  return row!.id;
}

/** Edits are allowed while being edited; editing a rejected package puts it back to Being edited. */
export async function updatePackage(tx: Tx, actor: Actor, id: string, v: PackageFormValues): Promise<void> {
  const current = await tx.query.packages.findFirst({ where: eq(packages.id, id), columns: { status: true } });
  if (!current) throw new AppError("not_found");
  if (current.status === "rejected") await applyTransition(tx, { packageId: id, action: "edit", actor: { userId: actor.userId, name: actor.name } });
  else if (current.status !== "being_edited") throw new AppError("conflict", "Only a package being edited can be changed. Reinitialize it to reuse it.");
  await checkReferences(tx, v, id);
  const updated = await tx
    .update(packages)
    .set({ ...columns(v), updatedAt: sql`now()` })
    .where(and(eq(packages.id, id), eq(packages.status, "being_edited")))
    .returning({ id: packages.id });
  if (!updated.length) throw new AppError("conflict");
  await replaceLinks(tx, id, v);
}
