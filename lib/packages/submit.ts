import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignTemplates, campaigns, packageAudience, packages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { scheduleReminders } from "./jobs";
import { emailReviewers } from "./review-requests";
import { applyTransition } from "./transition";

// Collaborative types whose package cannot be submitted without an audience (§3).
const AUDIENCE_REQUIRED = new Set(["simple", "by_form", "by_campaign"]);

export async function submitPackage(tx: Tx, actor: Actor, packageId: string) {
  const [pkg] = await tx
    .select({ p: packages, collaborativeType: campaignTemplates.collaborativeType })
    .from(packages)
    .innerJoin(campaigns, eq(campaigns.id, packages.referenceCampaignId))
    .leftJoin(campaignTemplates, eq(campaignTemplates.id, campaigns.templateId))
    .where(eq(packages.id, packageId));
  if (!pkg) throw new AppError("not_found");
  const p = pkg.p;
  const errors: Record<string, string> = {};
  const [{ n: audience } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(packageAudience)
    .where(eq(packageAudience.packageId, packageId));
  if (p.kind === "collaborative" && AUDIENCE_REQUIRED.has(pkg.collaborativeType ?? "simple") && audience === 0) {
    errors.audience = "Choose the participating local entities: this type of package needs an audience.";
  }
  if (p.kind === "local" && p.limitToAudience && audience === 0) errors.audience = "Choose the local entities the package is limited to.";
  const order = [p.startAt, p.availableAt, p.registrationDeadline ?? p.availableAt, p.endAt].map((d) => d.getTime());
  if (order.some((t, i) => i > 0 && t < order[i - 1]!)) errors.availableAt = "Dates must follow: start ≤ availability ≤ registration deadline ≤ end.";
  if (p.kind === "collaborative" && !p.registrationDeadline) errors.registrationDeadline = "A collaborative package needs a registration deadline.";
  if (Object.keys(errors).length) throw new AppError("invalid_input", "This package cannot be submitted yet.", errors);

  const deadline = new Date(Date.now() + p.approvalDelayDays * 86_400_000);
  const row = await applyTransition(tx, {
    packageId,
    action: "submit",
    actor: { userId: actor.userId, name: actor.name },
    set: { approvalDeadline: deadline, rejectionComment: null },
  });
  const reviewers = await emailReviewers(tx, row, { submittedBy: actor.name, eventSuffix: "approval" });
  await scheduleReminders(tx, packageId, row.revision, deadline, row.reminderDaysBefore);
  return { status: row.status, reviewersEmailed: reviewers };
}
