import type { Tx } from "@/db";
import { packageCascades } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { enqueueJob } from "@/jobs/enqueue";
import { CASCADE_PACKAGE_CANCEL, removeScheduledSteps } from "./jobs";
import { spendReviewLinks } from "./review-requests";
import { applyTransition } from "./transition";

/**
 * Cancel with a comment. A local package only leaves the catalog; a collaborative one also starts
 * the cascade (orders, reference campaign, workflows, deliveries, emails) as a job enqueued in
 * this same transaction, so it runs if and only if the cancellation commits.
 */
export async function cancelPackage(tx: Tx, actor: Actor, params: { packageId: string; comment: string }) {
  const row = await applyTransition(tx, {
    packageId: params.packageId,
    action: "cancel",
    actor: { userId: actor.userId, name: actor.name },
    comment: params.comment,
    set: { cancelComment: params.comment },
  });
  await removeScheduledSteps(tx, row.id, { publication: true, reminders: true, registration: true });
  await spendReviewLinks(tx, row.id);
  if (row.kind === "collaborative") {
    await tx.insert(packageCascades).values({ packageId: row.id, revision: row.revision });
    await enqueueJob(tx, CASCADE_PACKAGE_CANCEL, { packageId: row.id, revision: row.revision }, { jobKey: `package:${row.id}:cascade:${row.revision}` });
  }
  return { status: row.status, cascade: row.kind === "collaborative" };
}
