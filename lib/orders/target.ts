import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { contacts, orders, packages, workflows } from "@/db/schema";
import { evaluateTarget } from "@/lib/campaigns/targeting";
import { personalize } from "@/lib/campaigns/preview";
import { offeredTo } from "@/lib/catalog/queries";
import { AppError } from "@/lib/errors";
import { packageWithTemplate } from "./orderability";

/** The reference campaign as this entity may see it: offered to it, or already ordered by it. */
async function referenceFor(db: DbOrTx, entityId: string, packageId: string) {
  const [visible] = await db
    .select({ id: packages.id })
    .from(packages)
    .where(
      and(
        eq(packages.id, packageId),
        sql`(${offeredTo(entityId)} or exists (select 1 from ${orders} o where o.package_id = ${packages.id} and o.entity_id = ${entityId}))`,
      ),
    );
  const found = visible ? await packageWithTemplate(db, packageId) : null;
  if (!found) throw new AppError("not_found");
  const [workflow] = await db
    .select({ targeting: workflows.targeting })
    .from(workflows)
    .where(eq(workflows.campaignId, found.pkg.referenceCampaignId))
    .orderBy(asc(workflows.id))
    .limit(1);
  return { ...found, targeting: workflow?.targeting ?? [] };
}

/** Evaluate target on the order's parameters page: the entity's own contacts only. */
export async function evaluateOrderTarget(db: DbOrTx, entityId: string, packageId: string) {
  const ref = await referenceFor(db, entityId, packageId);
  return evaluateTarget(db, entityId, ref.targeting, ref.typology);
}

/** Preview the personalized content for one of the entity's contacts (by email, else the first). */
export async function previewOrder(db: DbOrTx, entityId: string, input: { packageId: string; contactEmail: string; parameters: Record<string, string | number | boolean | null> }) {
  const ref = await referenceFor(db, entityId, input.packageId);
  const [contact] = await db
    .select({ email: contacts.email, firstName: contacts.firstName, lastName: contacts.lastName, attributes: contacts.attributes })
    .from(contacts)
    .where(and(eq(contacts.entityId, entityId), input.contactEmail ? eq(sql`lower(${contacts.email})`, input.contactEmail.toLowerCase()) : undefined))
    .orderBy(asc(contacts.lastName), asc(contacts.id))
    .limit(1);
  if (!contact) {
    throw new AppError("invalid_input", undefined, { contactEmail: input.contactEmail ? "None of your contacts has this email." : "Your entity has no contacts to preview with yet." });
  }
  const subject = personalize(ref.content.subject, contact, input.parameters);
  const body = personalize(ref.content.body, contact, input.parameters);
  return {
    contact: { email: contact.email, name: `${contact.firstName} ${contact.lastName}`.trim() },
    subject: subject.text,
    body: body.text,
    missing: [...new Set([...subject.missing, ...body.missing])],
    empty: !ref.content.subject && !ref.content.body,
  };
}
