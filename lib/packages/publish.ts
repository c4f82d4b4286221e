import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { liveOrderStatuses, orders, packageAudience, packageDocuments, packages } from "@/db/schema";
import { createActionTokens } from "@/lib/links/tokens";
import { appUrl } from "@/lib/links/urls";
import { queueNotifications } from "@/lib/notifications/queue";
import { formatDateTime } from "@/lib/utils";
import { entityRecipients, type EntityRecipients } from "./recipients";
import { applyTransition, SYSTEM } from "./transition";

/**
 * Publication at the availability date, run by the `publish_package` job. A job left over from an
 * earlier approval (another revision) or for a package no longer approved does nothing.
 */
export async function publishPackage(tx: Tx, params: { packageId: string; revision: number }) {
  const pkg = await tx.query.packages.findFirst({ where: eq(packages.id, params.packageId) });
  if (!pkg || pkg.status !== "approved" || pkg.revision !== params.revision) return { published: false, emails: 0 };
  const row = await applyTransition(tx, { packageId: pkg.id, action: "publish", actor: SYSTEM });
  const audienceIds = row.limitToAudience
    ? (await tx.select({ id: packageAudience.entityId }).from(packageAudience).where(eq(packageAudience.packageId, row.id))).map((a) => a.id)
    : null;
  const recipients = await entityRecipients(tx, audienceIds);
  let emails = 0;
  if (row.kind === "collaborative" && row.approvalMode === "automatic") {
    await preSubscribe(tx, row, recipients);
    emails += await notify(tx, row, recipients, "subscribed");
  } else if (row.sendNotificationOnPublication) {
    emails += await notify(tx, row, recipients, row.kind === "local" ? "catalog" : "subscription");
  }
  return { published: true, emails };
}

type Pkg = typeof packages.$inferSelect;

// Automatic mode: every audience entity gets an approved order at once (§4).
async function preSubscribe(tx: Tx, pkg: Pkg, recipients: EntityRecipients[]) {
  const live = await tx
    .select({ entityId: orders.entityId })
    .from(orders)
    .where(and(eq(orders.packageId, pkg.id), inArray(orders.status, liveOrderStatuses)));
  const has = new Set(live.map((o) => o.entityId));
  const missing = recipients.filter((r) => !has.has(r.entityId));
  for (let i = 0; i < missing.length; i += 5000) {
    await tx.insert(orders).values(missing.slice(i, i + 5000).map((r) => ({ packageId: pkg.id, entityId: r.entityId, label: pkg.label, status: "approved" as const })));
  }
}

async function notify(tx: Tx, pkg: Pkg, recipients: EntityRecipients[], kind: "catalog" | "subscription" | "subscribed") {
  const docs = await tx.select({ id: packageDocuments.id, name: packageDocuments.fileName }).from(packageDocuments).where(eq(packageDocuments.packageId, pkg.id));
  const documents = docs.map((d) => d.name);
  // The sender attaches these to each email: the documents travel with the notification.
  const attachmentIds = docs.map((d) => d.id);
  // A group member gets a link made for them; an entity's own address gets the guarded portal page.
  const people = recipients.flatMap((r) => r.members.map((m) => ({ r, email: m.email, userId: m.userId })));
  const tokens = await createActionTokens(
    tx,
    "package_offer",
    people.map((p) => ({ email: p.email, userId: p.userId, entityId: p.r.entityId, subjectId: pkg.id })),
  );
  const targets = [
    ...people.map((p, i) => ({ r: p.r, email: p.email, url: appUrl(`/links/${tokens[i]}`) })),
    ...recipients.filter((r) => !r.members.length).flatMap((r) => r.emails.map((email) => ({ r, email, url: appUrl(`/portal/${r.internalName}/catalog/${pkg.id}`) }))),
  ];
  const items = targets.map(({ r, email, url }) => {
    const base = { eventKey: `package:${pkg.id}:r${pkg.revision}:${kind}:${r.entityId}:${email}`, recipient: email, entityId: r.entityId };
    if (kind === "catalog") {
      return { ...base, template: "new_catalog_entry" as const, payload: { packageLabel: pkg.label, entityLabel: r.label, description: pkg.description, message: pkg.messageForEntities, url, attachmentIds } };
    }
    if (kind === "subscribed") {
      return { ...base, template: "campaign_subscribed" as const, payload: { packageLabel: pkg.label, entityLabel: r.label, message: pkg.messageForEntities, url, attachmentIds } };
    }
    return {
      ...base,
      template: "campaign_subscription" as const,
      payload: {
        packageLabel: pkg.label,
        entityLabel: r.label,
        description: pkg.description,
        message: pkg.messageForEntities,
        registrationDeadline: formatDateTime(pkg.registrationDeadline),
        personalizationDeadline: pkg.personalizationDeadline ? formatDateTime(pkg.personalizationDeadline) : "none",
        documents,
        url,
        attachmentIds,
      },
    };
  });
  return (await queueNotifications(tx, items as Parameters<typeof queueNotifications>[1])).length;
}
