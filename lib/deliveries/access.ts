import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaigns, campaignTemplates, deliveries, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/**
 * Who acts on a delivery: a central operator (any delivery), or an entity's operator, who only
 * ever reaches the deliveries of the entity's own (local or child) campaigns. The entity is in
 * every WHERE, so another entity's delivery answers exactly like a missing one.
 */
export type DeliveryScope = { kind: "central" } | { kind: "entity"; entityId: string };

export const centralScope: DeliveryScope = { kind: "central" };
export const entityScope = (entityId: string): DeliveryScope => ({ kind: "entity", entityId });

// occurrenceOf: an occurrence of a recurring campaign is subscribed to through its model's packages.
const campaignColumns = { id: campaigns.id, label: campaigns.label, entityId: campaigns.entityId, personalization: campaigns.personalization, templateId: campaigns.templateId, occurrenceOf: campaigns.occurrenceOf };

/** The delivery and its campaign, within the scope; `lock` takes the delivery row for the transaction. */
export async function loadDelivery(db: DbOrTx, deliveryId: string, scope: DeliveryScope, opts: { lock?: boolean } = {}) {
  const q = db
    .select({ delivery: deliveries, campaign: campaignColumns })
    .from(deliveries)
    .innerJoin(campaigns, eq(campaigns.id, deliveries.campaignId))
    .where(and(eq(deliveries.id, deliveryId), scope.kind === "entity" ? eq(campaigns.entityId, scope.entityId) : undefined));
  const [row] = opts.lock ? await q.for("update", { of: deliveries }) : await q;
  if (!row) throw new AppError("not_found");
  return row;
}
export type LoadedDelivery = Awaited<ReturnType<typeof loadDelivery>>;

/** May the entity change the message? Only when the template hands it the personalization (§3). */
export async function entityMayEditContent(db: DbOrTx, templateId: string | null): Promise<boolean> {
  if (!templateId) return true;
  const t = await db.query.campaignTemplates.findFirst({ where: eq(campaignTemplates.id, templateId), columns: { localEditable: true } });
  // A deleted template keeps no central restriction, as on the campaign page.
  return !t || t.localEditable.includes("personalization");
}

export type DeliveryReviewer = { id: string; email: string; name: string };

/**
 * The delivery's reviewers (§7): the central operators it names who can still sign in, or every
 * central operator when it names none (or none of them is left), so an approval never waits on
 * no one.
 */
export async function deliveryReviewers(db: DbOrTx, reviewerIds: string[]): Promise<DeliveryReviewer[]> {
  const active = and(eq(users.role, "central"), isNull(users.disabledAt));
  const cols = { id: users.id, email: users.email, name: users.name };
  if (reviewerIds.length) {
    const named = await db.select(cols).from(users).where(and(active, inArray(users.id, reviewerIds))).orderBy(asc(users.email));
    if (named.length) return named;
  }
  return db.select(cols).from(users).where(active).orderBy(asc(users.email));
}

export async function mayReviewDelivery(db: DbOrTx, actor: Actor, reviewerIds: string[]): Promise<boolean> {
  if (actor.role !== "central") return false;
  return (await deliveryReviewers(db, reviewerIds)).some((r) => r.id === actor.userId);
}
