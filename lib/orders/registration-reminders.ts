import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { liveOrderStatuses, orders, packages } from "@/db/schema";
import { queueNotifications } from "@/lib/notifications/queue";
import { audienceOf, offerTargets } from "@/lib/packages/publish";
import { entityRecipients } from "@/lib/packages/recipients";
import { formatDateTime } from "@/lib/utils";

/**
 * A registration-deadline reminder (§5): the audience entities with no live order are emailed a
 * Register for the campaign link. One that has registered meanwhile is left alone, which is how
 * reminders stop once an entity has subscribed.
 */
export async function remindRegistration(tx: Tx, params: { packageId: string; revision: number; index: number }, now = new Date()) {
  const pkg = await tx.query.packages.findFirst({ where: eq(packages.id, params.packageId) });
  if (!pkg || pkg.status !== "published" || pkg.revision !== params.revision || !pkg.registrationDeadline || pkg.registrationDeadline < now) return { emails: 0 };
  const registered = new Set(
    (
      await tx
        .selectDistinct({ entityId: orders.entityId })
        .from(orders)
        .where(and(eq(orders.packageId, pkg.id), inArray(orders.status, liveOrderStatuses)))
    ).map((o) => o.entityId),
  );
  const pending = (await entityRecipients(tx, await audienceOf(tx, pkg))).filter((r) => !registered.has(r.entityId));
  const targets = await offerTargets(tx, pkg, pending);
  const items = targets.map(({ r, email, url }) => ({
    eventKey: `package:${pkg.id}:r${pkg.revision}:registration-reminder${params.index}:${r.entityId}:${email}`,
    recipient: email,
    entityId: r.entityId,
    template: "registration_reminder" as const,
    payload: { packageLabel: pkg.label, entityLabel: r.label, registrationDeadline: formatDateTime(pkg.registrationDeadline), url },
  }));
  return { emails: (await queueNotifications(tx, items)).length };
}
