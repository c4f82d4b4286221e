import { eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import { liveOrderStatuses, orders, packageAudience, packageDocuments, packages } from "@/db/schema";
import { createActionTokens } from "@/lib/links/tokens";
import { appUrl } from "@/lib/links/urls";
import { queueFanout } from "@/lib/notifications/fanout";
import { scheduleAvailabilityMany, scheduleRegistrationReminders } from "@/lib/orders/jobs";
import { packageWithTemplate } from "@/lib/orders/orderability";
import { defaultParameters } from "@/lib/orders/parameters";
import { uuidArray } from "@/lib/sql-arrays";
import { formatDateTime } from "@/lib/utils";
import { offeredToSql, recipientPeopleSql, type EntityRecipients } from "./recipients";
import { applyTransition, SYSTEM } from "./transition";

/**
 * Publication at the availability date, run by the `publish_package` job. A job left over from an
 * earlier approval (another revision) or for a package no longer approved does nothing. The
 * emails are queued set-based (queueFanout): at 10,000 entities the recipients, their links and
 * the outbox rows never leave the database.
 */
export async function publishPackage(tx: Tx, params: { packageId: string; revision: number }) {
  const pkg = await tx.query.packages.findFirst({ where: eq(packages.id, params.packageId) });
  if (!pkg || pkg.status !== "approved" || pkg.revision !== params.revision) return { published: false, emails: 0 };
  const row = await applyTransition(tx, { packageId: pkg.id, action: "publish", actor: SYSTEM });
  let emails = 0;
  if (row.kind === "collaborative" && row.approvalMode === "automatic") {
    emails += await notifySubscribed(tx, row, await preSubscribe(tx, row));
  } else {
    if (row.sendNotificationOnPublication) emails += await notify(tx, row, row.kind === "local" ? "catalog" : "subscription");
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

// Automatic mode: every audience entity gets an approved order at once (§4), Available at the
// availability date. One INSERT … SELECT: the entities never leave the database.
async function preSubscribe(tx: Tx, pkg: Pkg): Promise<string[]> {
  const found = await packageWithTemplate(tx, pkg.id);
  const parameters = defaultParameters(found?.limits.fields ?? []);
  const created = await tx.execute<{ id: string }>(sql`
    insert into orders (package_id, entity_id, label, status, parameters)
    select ${pkg.id}, e.id, ${pkg.label}, 'approved', ${JSON.stringify(parameters)}::jsonb
    from entities e
    where e.kind = 'local' and ${offeredToSql(pkg)}
      and not exists (select 1 from ${orders} where ${orders.packageId} = ${pkg.id} and ${orders.entityId} = e.id and ${inArray(orders.status, liveOrderStatuses)})
    returning id`);
  const ids = [...created].map((o) => o.id);
  await scheduleAvailabilityMany(tx, ids, pkg.availableAt);
  return ids;
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

/**
 * The offer fan-out's recipients (see FanoutRecipients): each person of each entity the package is
 * offered to (or of those `entityFilter`, a condition on `e`, keeps). A group member's button is a
 * `package_offer` link made for them; an entity without a group gets the guarded catalog page at
 * its own address.
 */
export function offerRecipientsSql(pkg: Pkg, eventPrefix: string, entityFilter: SQL = offeredToSql(pkg)) {
  return sql`
    select ${eventPrefix}::text || p.entity_id || ':' || p.email as event_key, p.email as recipient, p.entity_id,
      jsonb_build_object('entityLabel', p.label) || case when p.user_id is null
        then jsonb_build_object('url', ${appUrl("/portal/")}::text || p.internal_name || ${`/catalog/${pkg.id}`}::text) else '{}'::jsonb end as fields,
      case when p.user_id is null then null else p.email end as link_email, p.user_id as link_user_id, p.entity_id as link_entity_id, ${pkg.id}::uuid as link_subject_id
    from (${recipientPeopleSql(entityFilter)}) p`;
}

async function notify(tx: Tx, pkg: Pkg, kind: "catalog" | "subscription") {
  const { names: documents, attachmentIds } = await documentsOf(tx, pkg);
  const recipients = offerRecipientsSql(pkg, `package:${pkg.id}:r${pkg.revision}:${kind}:`);
  const common = { packageLabel: pkg.label, description: pkg.description, message: pkg.messageForEntities, attachmentIds };
  const links = [{ key: "url" as const, purpose: "package_offer" as const }];
  if (kind === "catalog") {
    return queueFanout(tx, { template: "new_catalog_entry", common, perRecipient: ["entityLabel", "url"], links, recipients });
  }
  return queueFanout(tx, {
    template: "campaign_subscription",
    common: {
      ...common,
      registrationDeadline: formatDateTime(pkg.registrationDeadline),
      personalizationDeadline: pkg.personalizationDeadline ? formatDateTime(pkg.personalizationDeadline) : "none",
      documents,
    },
    perRecipient: ["entityLabel", "url"],
    links,
    recipients,
  });
}

/**
 * "You have been subscribed to the campaign.": each group member gets Reject the subscription and
 * Change the order parameters links made for them and naming their entity's order; an entity
 * without a group gets the email at its own address, with the order's page only.
 */
async function notifySubscribed(tx: Tx, pkg: Pkg, orderIds: string[]) {
  if (!orderIds.length) return 0;
  const { attachmentIds } = await documentsOf(tx, pkg);
  const recipients = sql`
    with o as (select id, entity_id from orders where id = any(${uuidArray(orderIds)}))
    select ${`package:${pkg.id}:r${pkg.revision}:subscribed:`}::text || p.entity_id || ':' || p.email as event_key, p.email as recipient, p.entity_id,
      jsonb_build_object('entityLabel', p.label, 'url', ${appUrl("/portal/")}::text || p.internal_name || '/orders/' || o.id) as fields,
      case when p.user_id is null then null else p.email end as link_email, p.user_id as link_user_id, p.entity_id as link_entity_id, o.id as link_subject_id
    from (${recipientPeopleSql(sql`e.id in (select entity_id from o)`)}) p join o on o.entity_id = p.entity_id`;
  return queueFanout(tx, {
    template: "campaign_subscribed",
    common: { packageLabel: pkg.label, message: pkg.messageForEntities, attachmentIds },
    perRecipient: ["entityLabel", "url", "rejectUrl", "changeUrl"],
    links: [
      { key: "rejectUrl", purpose: "subscription_reject" },
      { key: "changeUrl", purpose: "order_change" },
    ],
    recipients,
  });
}
