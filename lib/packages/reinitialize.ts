import type { Tx } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { removeScheduledSteps } from "./jobs";
import { applyTransition } from "./transition";

/** Back to Being edited, to reuse the package; it is offered again only after a new approval. */
export async function reinitializePackage(tx: Tx, actor: Actor, packageId: string) {
  const row = await applyTransition(tx, {
    packageId,
    action: "reinitialize",
    actor: { userId: actor.userId, name: actor.name },
    set: { approvalDeadline: null, rejectionComment: null, cancelComment: null },
  });
  await removeScheduledSteps(tx, packageId, { publication: true, reminders: true, registration: true });
  return { status: row.status };
}
