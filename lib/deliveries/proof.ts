import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { contacts, entities, orders, packages, workflowTargets } from "@/db/schema";
import type { PreviewContact } from "@/lib/campaigns/preview";
import { queueNotifications } from "@/lib/notifications/queue";
import { loadDelivery, type DeliveryScope } from "./access";
import { renderMessage } from "./render";

type Values = Record<string, string | number | boolean | null>;
type CampaignRef = { id: string; entityId: string | null; personalization: Values; occurrenceOf: string | null };

/** Who a proof is rendered for when the target has no one yet: values any operator recognises. */
export const placeholderContact: PreviewContact = { email: "jane.doe@example.com", firstName: "Jane", lastName: "Doe", attributes: {} };

export type ProofSample = { contact: PreviewContact; values: Values; entityLabel: string | null; placeholder: boolean };

/** Entities that subscribed to a reference campaign: an approved or available order on one of its packages. */
function subscribedEntities(db: DbOrTx, campaignId: string) {
  return db
    .selectDistinct({ id: orders.entityId })
    .from(orders)
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .where(and(eq(packages.referenceCampaignId, campaignId), inArray(orders.status, ["approved", "available"])));
}

async function orderValues(db: DbOrTx, campaignId: string, entityId: string): Promise<Values> {
  const [row] = await db
    .select({ parameters: orders.parameters })
    .from(orders)
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .where(and(eq(packages.referenceCampaignId, campaignId), eq(orders.entityId, entityId), inArray(orders.status, ["approved", "available"])))
    .orderBy(desc(orders.updatedAt))
    .limit(1);
  return row?.parameters ?? {};
}

/**
 * The contact a proof or the editor's preview is rendered for (§7): the first contact the
 * delivery targets (its workflow's population) in the campaign's entity, or, for a reference
 * campaign, in an entity that subscribed; else that entity's first contact; else a placeholder.
 * Values: the campaign's personalization (local and child campaigns) or the entity's order.
 */
export async function proofSample(db: DbOrTx, d: { workflowId: string | null; campaign: CampaignRef }): Promise<ProofSample> {
  const c = d.campaign;
  // An occurrence of a recurring campaign is ordered through its model's packages.
  const reference = c.occurrenceOf ?? c.id;
  const inScope: SQL = c.entityId ? eq(contacts.entityId, c.entityId) : inArray(contacts.entityId, subscribedEntities(db, reference));
  const cols = { email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName, attributes: contacts.attributes, entityId: contacts.entityId, entityLabel: entities.label };
  const order = [asc(entities.label), asc(contacts.createdAt), asc(contacts.id)];
  let [row] = d.workflowId
    ? await db
        .select(cols)
        .from(workflowTargets)
        .innerJoin(contacts, eq(contacts.id, workflowTargets.contactId))
        .innerJoin(entities, eq(entities.id, contacts.entityId))
        .where(and(eq(workflowTargets.workflowId, d.workflowId), isNull(workflowTargets.excludedBy), inScope))
        .orderBy(...order)
        .limit(1)
    : [];
  row ??= (await db.select(cols).from(contacts).innerJoin(entities, eq(entities.id, contacts.entityId)).where(and(inScope, eq(contacts.status, "active"))).orderBy(...order).limit(1))[0];
  const entityId = row?.entityId ?? c.entityId ?? (await subscribedEntities(db, reference).limit(1))[0]?.id ?? null;
  const values = c.entityId ? c.personalization : entityId ? await orderValues(db, reference, entityId) : {};
  if (!row) return { contact: placeholderContact, values, entityLabel: null, placeholder: true };
  return { contact: { email: row.email, firstName: row.firstName, lastName: row.lastName, attributes: row.attributes }, values, entityLabel: row.entityLabel, placeholder: false };
}

/**
 * **Send proof** (§7): the message as the sample contact would receive it, to one to five
 * addresses, queued in this transaction. Links stay as written and the unsubscribe link is a
 * sample: a proof records nothing against a contact. Each send is its own event.
 */
export async function sendDeliveryProof(tx: Tx, scope: DeliveryScope, input: { deliveryId: string; recipients: string[] }) {
  const { delivery, campaign } = await loadDelivery(tx, input.deliveryId, scope);
  const sample = await proofSample(tx, { workflowId: delivery.workflowId, campaign });
  const msg = renderMessage({ subject: delivery.subject, body: delivery.body }, sample.contact, sample.values, null);
  const send = randomUUID();
  const queued = await queueNotifications(
    tx,
    input.recipients.map((recipient) => ({
      eventKey: `delivery:${delivery.id}:proof:${send}:${recipient}`,
      recipient,
      template: "delivery_proof" as const,
      entityId: campaign.entityId,
      payload: { deliveryLabel: delivery.label, subject: msg.subject, text: msg.text, html: msg.html },
    })),
  );
  return { sent: queued.length, contactEmail: sample.contact.email, missing: msg.missing };
}
