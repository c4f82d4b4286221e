import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { liveOrderStatuses, orders, packageAudience, packageDocuments, packages } from "@/db/schema";
import { createActionTokens } from "@/lib/links/tokens";
import { appUrl } from "@/lib/links/urls";
import { queueNotifications } from "@/lib/notifications/queue";
import { scheduleAvailabilityMany, scheduleRegistrationReminders } from "@/lib/orders/jobs";
import { packageWithTemplate } from "@/lib/orders/orderability";
import { defaultParameters } from "@/lib/orders/parameters";
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
  const recipients = await entityRecipients(tx, await audienceOf(tx, row));
  let emails = 0;
  if (row.kind === "collaborative" && row.approvalMode === "automatic") {
    const subscribed = await preSubscribe(tx, row, recipients);
    emails += await notifySubscribed(tx, row, recipients, subscribed);
  } else {
    if (row.sendNotificationOnPublication) emails += await notify(tx, row, recipients, row.kind === "local" ? "catalog" : "subscription");
    if (row.kind === "collaborative") await scheduleRegistrationReminders(tx, row);
  }
  return { published: true, emails };
}

type Pkg = typeof packages.$inferSelect;

/** The audience's entity ids, or null when the package is offered to every local entity. */
export async function audienceOf(tx: Tx, pkg: Pkg): Promise<string[] | null> {
  if (!pkg.limitToAudience) return null;
  return (await tx.select({ id: packageAudience.entityId }).from(packageAudience).where(eq(packageAudience.packageId, pkg.id))).map((a) => a.id);
}

// Automatic mode: every audience entity gets an approved order at once (§4), Available at the availability date.
async function preSubscribe(tx: Tx, pkg: Pkg, recipients: EntityRecipients[]): Promise<Map<string, string>> {
  const live = await tx
    .select({ entityId: orders.entityId })
    .from(orders)
    .where(and(eq(orders.packageId, pkg.id), inArray(orders.status, liveOrderStatuses)));
  const has = new Set(live.map((o) => o.entityId));
  const missing = recipients.filter((r) => !has.has(r.entityId));
  const created = new Map<string, string>();
  const found = await packageWithTemplate(tx, pkg.id);
  const parameters = defaultParameters(found?.limits.fields ?? []);
  for (let i = 0; i < missing.length; i += 5000) {
    const rows = await tx
      .insert(orders)
      .values(missing.slice(i, i + 5000).map((r) => ({ packageId: pkg.id, entityId: r.entityId, label: pkg.label, status: "approved" as const, parameters })))
      .returning({ id: orders.id, entityId: orders.entityId });
    for (const r of rows) created.set(r.entityId, r.id);
  }
  await scheduleAvailabilityMany(tx, [...created.values()], pkg.availableAt);
  return created;
}

async function documentsOf(tx: Tx, pkg: Pkg) {
  const docs = await tx.select({ id: packageDocuments.id, name: packageDocuments.fileName }).from(packageDocuments).where(eq(packageDocuments.packageId, pkg.id));
  // The sender attaches these to each email: the documents travel with the notification.
  return { names: docs.map((d) => d.name), attachmentIds: docs.map((d) => d.id) };
}

/**
 * Where each recipient's "Order the campaign" / "Register for the campaign" button leads: a group
 * member gets a link made for them; an entity without a group gets the guarded portal page.
 */
export async function offerTargets(tx: Tx, pkg: Pkg, recipients: EntityRecipients[]) {
  const people = recipients.flatMap((r) => r.members.map((m) => ({ r, email: m.email, userId: m.userId })));
  const tokens = await createActionTokens(
    tx,
    "package_offer",
    people.map((p) => ({ email: p.email, userId: p.userId, entityId: p.r.entityId, subjectId: pkg.id })),
  );
  return [
    ...people.map((p, i) => ({ r: p.r, email: p.email, url: appUrl(`/links/${tokens[i]}`) })),
    ...recipients.filter((r) => !r.members.length).flatMap((r) => r.emails.map((email) => ({ r, email, url: appUrl(`/portal/${r.internalName}/catalog/${pkg.id}`) }))),
  ];
}

async function notify(tx: Tx, pkg: Pkg, recipients: EntityRecipients[], kind: "catalog" | "subscription") {
  const { names: documents, attachmentIds } = await documentsOf(tx, pkg);
  const targets = await offerTargets(tx, pkg, recipients);
  const items = targets.map(({ r, email, url }) => {
    const base = { eventKey: `package:${pkg.id}:r${pkg.revision}:${kind}:${r.entityId}:${email}`, recipient: email, entityId: r.entityId };
    if (kind === "catalog") {
      return { ...base, template: "new_catalog_entry" as const, payload: { packageLabel: pkg.label, entityLabel: r.label, description: pkg.description, message: pkg.messageForEntities, url, attachmentIds } };
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

/**
 * "You have been subscribed to the campaign.": each group member gets Reject the subscription and
 * Change the order parameters links made for them and naming their entity's order.
 */
async function notifySubscribed(tx: Tx, pkg: Pkg, recipients: EntityRecipients[], subscribed: Map<string, string>) {
  const { attachmentIds } = await documentsOf(tx, pkg);
  const people = recipients.flatMap((r) => {
    const orderId = subscribed.get(r.entityId);
    return orderId ? r.members.map((m) => ({ r, orderId, email: m.email, userId: m.userId })) : [];
  });
  const spec = people.map((p) => ({ email: p.email, userId: p.userId, entityId: p.r.entityId, subjectId: p.orderId }));
  const [rejects, changes] = [await createActionTokens(tx, "subscription_reject", spec), await createActionTokens(tx, "order_change", spec)];
  const targets = [
    ...people.map((p, i) => ({ r: p.r, email: p.email, orderId: p.orderId, links: { rejectUrl: appUrl(`/links/${rejects[i]}`), changeUrl: appUrl(`/links/${changes[i]}`) } })),
    ...recipients
      .filter((r) => !r.members.length && subscribed.has(r.entityId))
      .flatMap((r) => r.emails.map((email) => ({ r, email, orderId: subscribed.get(r.entityId)!, links: {} }))),
  ];
  const items = targets.map(({ r, email, orderId, links }) => ({
    eventKey: `package:${pkg.id}:r${pkg.revision}:subscribed:${r.entityId}:${email}`,
    recipient: email,
    entityId: r.entityId,
    template: "campaign_subscribed" as const,
    payload: { packageLabel: pkg.label, entityLabel: r.label, message: pkg.messageForEntities, url: appUrl(`/portal/${r.internalName}/orders/${orderId}`), ...links, attachmentIds },
  }));
  return (await queueNotifications(tx, items)).length;
}
