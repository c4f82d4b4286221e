import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { actionTokens, packageReviewers, users } from "@/db/schema";
import { appUrl } from "@/lib/links/urls";
import { createActionToken } from "@/lib/links/tokens";
import { queueNotification } from "@/lib/notifications/queue";
import { formatDateTime } from "@/lib/utils";

/** Emails each reviewer an "Accept or reject" link made for them alone. */
export async function emailReviewers(
  tx: Tx,
  pkg: { id: string; label: string; revision: number; approvalDeadline: Date | null },
  opts: { submittedBy: string; eventSuffix: string; reminder?: boolean },
) {
  const reviewers = await tx
    .select({ id: users.id, email: users.email })
    .from(packageReviewers)
    .innerJoin(users, eq(users.id, packageReviewers.userId))
    .where(and(eq(packageReviewers.packageId, pkg.id), isNull(users.disabledAt)));
  for (const r of reviewers) {
    const { token } = await createActionToken(tx, { purpose: "package_review", email: r.email, userId: r.id, subjectId: pkg.id });
    await queueNotification(tx, {
      eventKey: `package:${pkg.id}:r${pkg.revision}:${opts.eventSuffix}:${r.id}`,
      recipient: r.email,
      template: "package_approval",
      payload: {
        packageLabel: pkg.label,
        submittedBy: opts.submittedBy,
        deadline: formatDateTime(pkg.approvalDeadline),
        url: appUrl(`/links/${token}`),
        reminder: opts.reminder ?? false,
      },
    });
  }
  return reviewers.length;
}

/** After the first answer, the other reviewers' links have nothing left to do. */
export async function spendReviewLinks(tx: Tx, packageId: string) {
  await tx
    .update(actionTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(actionTokens.purpose, "package_review"), eq(actionTokens.subjectId, packageId), isNull(actionTokens.usedAt)));
}
