import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { campaigns, deliveries, deliveryApprovals, deliveryMessages, orders, packages, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { deliveryReviewers, entityMayEditContent, loadDelivery, type DeliveryScope } from "./access";
import { proofSample } from "./proof";

const listColumns = {
  id: deliveries.id,
  campaignId: deliveries.campaignId,
  label: deliveries.label,
  channel: deliveries.channel,
  status: deliveries.status,
  scheduledAt: deliveries.scheduledAt,
  startedAt: deliveries.startedAt,
};

/** A campaign's deliveries, for the Deliveries card of its page. */
export function listCampaignDeliveries(db: DbOrTx, campaignId: string) {
  return db.select(listColumns).from(deliveries).where(eq(deliveries.campaignId, campaignId)).orderBy(asc(deliveries.createdAt), asc(deliveries.id));
}
export type CampaignDeliveryRow = Awaited<ReturnType<typeof listCampaignDeliveries>>[number];

/** An entity that subscribed (approved or available order) to a reference campaign. */
function subscribed(entityId: string, campaignId: string) {
  return and(eq(orders.entityId, entityId), eq(packages.referenceCampaignId, campaignId), inArray(orders.status, ["approved", "available"]));
}

/**
 * The reference campaign's deliveries behind one of the entity's orders, once it subscribed, with
 * those of the campaign's occurrences (recurring, periodic): the entity's feedback reports.
 */
export async function listOrderDeliveries(db: DbOrTx, entityId: string, orderId: string): Promise<CampaignDeliveryRow[]> {
  const [row] = await db
    .select({ campaignId: packages.referenceCampaignId })
    .from(orders)
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .where(and(eq(orders.id, orderId), eq(orders.entityId, entityId), inArray(orders.status, ["approved", "available"])));
  if (!row) return [];
  return db
    .select(listColumns)
    .from(deliveries)
    .innerJoin(campaigns, eq(campaigns.id, deliveries.campaignId))
    .where(and(or(eq(campaigns.id, row.campaignId), eq(campaigns.occurrenceOf, row.campaignId)), isNull(campaigns.entityId)))
    .orderBy(asc(deliveries.createdAt), asc(deliveries.id));
}

/**
 * A reference campaign's delivery as a concerned entity sees it (subscribed, or whose contacts it
 * reached): only its label and status, for the report scoped to the entity's own contacts. Null
 * for anyone else.
 */
export async function getSubscribedDelivery(db: DbOrTx, entityId: string, campaignId: string, deliveryId: string) {
  const [row] = await db
    .select({ delivery: listColumns, campaignLabel: campaigns.label, occurrenceOf: campaigns.occurrenceOf })
    .from(deliveries)
    .innerJoin(campaigns, eq(campaigns.id, deliveries.campaignId))
    .where(and(eq(deliveries.id, deliveryId), eq(deliveries.campaignId, campaignId), isNull(campaigns.entityId)));
  if (!row) return null;
  const [sub] = await db.select({ id: orders.id }).from(orders).innerJoin(packages, eq(packages.id, orders.packageId)).where(subscribed(entityId, row.occurrenceOf ?? campaignId)).limit(1);
  if (sub) return row;
  // By target approval there is no order: the entity's own contacts in the delivery make it concerned.
  const [reached] = await db.select({ id: deliveryMessages.id }).from(deliveryMessages).where(and(eq(deliveryMessages.deliveryId, deliveryId), eq(deliveryMessages.entityId, entityId))).limit(1);
  return reached ? row : null;
}

const decider = alias(users, "decider");

/**
 * Everything the delivery page shows, within the scope: the delivery, its campaign, approvals
 * with who decided, the reviewers, and the sample contact of the preview and proofs.
 */
export async function getDeliveryPage(db: DbOrTx, campaignId: string, deliveryId: string, scope: DeliveryScope) {
  const loaded = await loadDelivery(db, deliveryId, scope).catch((err: unknown) => {
    if (err instanceof AppError) return null;
    throw err;
  });
  if (!loaded || loaded.campaign.id !== campaignId) return null;
  const { delivery, campaign } = loaded;
  const [approvals, reviewers, sample, contentEditable] = await Promise.all([
    db
      .select({ kind: deliveryApprovals.kind, status: deliveryApprovals.status, deadline: deliveryApprovals.deadline, comment: deliveryApprovals.comment, decidedAt: deliveryApprovals.decidedAt, decidedBy: decider.name })
      .from(deliveryApprovals)
      .leftJoin(decider, eq(decider.id, deliveryApprovals.decidedById))
      .where(eq(deliveryApprovals.deliveryId, delivery.id))
      .orderBy(asc(deliveryApprovals.kind)),
    deliveryReviewers(db, delivery.reviewerIds),
    proofSample(db, { workflowId: delivery.workflowId, campaign }),
    scope.kind === "central" ? Promise.resolve(true) : entityMayEditContent(db, campaign.templateId),
  ]);
  return { delivery, campaign, approvals, reviewers, sample, contentEditable };
}
export type DeliveryPage = NonNullable<Awaited<ReturnType<typeof getDeliveryPage>>>;

/** Who the central editor may name as reviewers: active central operators. */
export function reviewerOptions(db: DbOrTx) {
  return db
    .select({ id: users.id, label: users.name, hint: users.email })
    .from(users)
    .where(and(eq(users.role, "central"), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}
