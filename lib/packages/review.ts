import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { packageReviewers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { consumeActionToken } from "@/lib/links/tokens";
import { removeScheduledSteps, schedulePublication } from "./jobs";
import { spendReviewLinks } from "./review-requests";
import { applyTransition } from "./transition";

type Decision = { packageId: string; decision: "accept" | "reject"; comment?: string };

/**
 * Accept or reject. A named reviewer answers as reviewer; any other central operator answers
 * through "Approve the package". The first answer wins: the transition is guarded.
 */
export async function reviewPackage(tx: Tx, actor: Actor, d: Decision) {
  const reviewer = await tx.query.packageReviewers.findFirst({
    where: and(eq(packageReviewers.packageId, d.packageId), eq(packageReviewers.userId, actor.userId)),
  });
  const row = await applyTransition(tx, {
    packageId: d.packageId,
    action: d.decision,
    actor: { userId: actor.userId, name: reviewer ? actor.name : `${actor.name} (Approve the package)` },
    comment: d.comment || null,
    set: d.decision === "reject" ? { rejectionComment: d.comment ?? null } : { rejectionComment: null },
  });
  await spendReviewLinks(tx, d.packageId);
  await removeScheduledSteps(tx, d.packageId, { reminders: true });
  if (row.status === "approved") await schedulePublication(tx, row.id, row.revision, row.availableAt);
  return { status: row.status };
}

/** The email link: spent once, and only by the reviewer it was made for. */
export async function reviewPackageFromLink(tx: Tx, actor: Actor, input: { token: string; decision: "accept" | "reject"; comment?: string }) {
  const token = await consumeActionToken(tx, input.token, "package_review");
  if (!token || !token.subjectId) throw new AppError("link_invalid");
  if (token.userId !== actor.userId) throw new AppError("link_invalid", "This link was sent to another reviewer. Sign in as that person, or use the package screen.");
  return reviewPackage(tx, actor, { packageId: token.subjectId, decision: input.decision, comment: input.comment });
}
