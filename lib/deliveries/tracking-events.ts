import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { contacts, deliveryMessages } from "@/db/schema";
import { verifyTrackingToken } from "./tracking";

/** An open, from the pixel: the first one dates it, every one counts. Unknown tokens change nothing. */
export async function recordOpen(db: DbOrTx, token: string): Promise<boolean> {
  const id = verifyTrackingToken("open", token);
  if (!id) return false;
  const rows = await db
    .update(deliveryMessages)
    .set({ opens: sql`${deliveryMessages.opens} + 1`, openedAt: sql`coalesce(${deliveryMessages.openedAt}, now())` })
    .where(eq(deliveryMessages.id, id))
    .returning({ id: deliveryMessages.id });
  return rows.length > 0;
}

/** A click: also an open (images are often blocked). Returns where to send the reader, or null. */
export async function recordClick(db: DbOrTx, token: string, destination: string): Promise<string | null> {
  const id = verifyTrackingToken("click", token, destination);
  if (!id || !/^https?:\/\//i.test(destination)) return null;
  await db
    .update(deliveryMessages)
    .set({
      clicks: sql`${deliveryMessages.clicks} + 1`,
      clickedAt: sql`coalesce(${deliveryMessages.clickedAt}, now())`,
      openedAt: sql`coalesce(${deliveryMessages.openedAt}, now())`,
    })
    .where(eq(deliveryMessages.id, id));
  return destination;
}

/** The contact a valid unsubscribe token names, masked for display. */
export async function unsubscribeTarget(db: DbOrTx, token: string): Promise<{ messageId: string; email: string; status: string } | null> {
  const id = verifyTrackingToken("unsubscribe", token);
  if (!id) return null;
  const [row] = await db
    .select({ email: contacts.email, status: contacts.status })
    .from(deliveryMessages)
    .innerJoin(contacts, eq(contacts.id, deliveryMessages.contactId))
    .where(eq(deliveryMessages.id, id));
  return row ? { messageId: id, email: maskEmail(row.email), status: row.status } : null;
}

/** Unsubscribes the message's contact (typology rules then exclude it from every delivery). */
export async function unsubscribe(db: DbOrTx, token: string): Promise<boolean> {
  const id = verifyTrackingToken("unsubscribe", token);
  if (!id) return false;
  const res = await db.execute(sql`update contacts c set status = 'unsubscribed' from delivery_messages m where m.id = ${id} and c.id = m.contact_id`);
  return res.count > 0;
}

export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 2)}${"•".repeat(Math.max(1, local.length - 2))}@${domain}`;
}
