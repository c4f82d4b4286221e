import { eq, like, sql } from "drizzle-orm";
import { getDb } from "../../db";
import { campaigns, campaignTemplates, deliveries, deliveryApprovals, notifications, type LocalEditablePart } from "../../db/schema";
import { uniq } from "./factories";

type DeliveryOver = Partial<typeof deliveries.$inferInsert>;

/** A delivery of a reference campaign (no entity), being edited with a message. */
export async function referenceDelivery(over: DeliveryOver = {}, campaignOver: Partial<typeof campaigns.$inferInsert> = {}) {
  const db = getDb();
  const [campaign] = await db.insert(campaigns).values({ label: uniq("Reference"), internalName: uniq("ref"), status: "started", ...campaignOver }).returning();
  const [delivery] = await db
    .insert(deliveries)
    .values({ campaignId: campaign!.id, label: uniq("Email"), subject: "Hello {{firstName}}", body: "Dear {{firstName}},\n\nOur offer.", ...over })
    .returning();
  return { campaign: campaign!, delivery: delivery! };
}

/** A delivery of an entity's own (local) campaign; `localEditable` sets its template's rules. */
export async function entityDelivery(entityId: string, over: DeliveryOver = {}, opts: { localEditable?: LocalEditablePart[]; personalization?: Record<string, string> } = {}) {
  const db = getDb();
  const [template] = opts.localEditable
    ? await db.insert(campaignTemplates).values({ label: uniq("Template"), internalName: uniq("tpl"), distributionLevel: "local", localEditable: opts.localEditable }).returning()
    : [];
  return referenceDelivery(over, { entityId, templateId: template?.id ?? null, personalization: opts.personalization ?? {} });
}

export const deliveryRow = async (id: string) => (await getDb().query.deliveries.findFirst({ where: eq(deliveries.id, id) }))!;
export const approvalRows = (deliveryId: string) => getDb().select().from(deliveryApprovals).where(eq(deliveryApprovals.deliveryId, deliveryId)).orderBy(deliveryApprovals.kind);

/** The outbox rows of one delivery, by the prefix of their event keys. */
export const deliveryEmails = (deliveryId: string, what = "") =>
  getDb().select().from(notifications).where(like(notifications.eventKey, `delivery:${deliveryId}:${what}%`)).orderBy(notifications.createdAt, notifications.eventKey);

/** As if `hours` had passed for the delivery's approvals: every timestamp moves back. */
export async function timePasses(deliveryId: string, hours: number) {
  const back = sql`make_interval(hours => ${hours})`;
  await getDb()
    .update(deliveryApprovals)
    .set({ deadline: sql`${deliveryApprovals.deadline} - ${back}`, notifiedAt: sql`${deliveryApprovals.notifiedAt} - ${back}`, remindedAt: sql`${deliveryApprovals.remindedAt} - ${back}` })
    .where(eq(deliveryApprovals.deliveryId, deliveryId));
}
