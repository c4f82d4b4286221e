import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { contacts, contactStatuses } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";

export const contactSortable = ["lastName", "firstName", "email", "status", "createdAt"] as const;
export type ContactSort = (typeof contactSortable)[number];
export type ContactStatus = (typeof contactStatuses)[number];

/** One entity's contacts. The entity id comes from a verified membership, never from the client. */
export async function listContacts(db: DbOrTx, entityId: string, query: TableQuery<ContactSort> & { status?: ContactStatus }) {
  const filters: SQL[] = [eq(contacts.entityId, entityId)];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(contacts.email, p), ilike(contacts.lastName, p), ilike(contacts.firstName, p))!);
  }
  if (query.status) filters.push(eq(contacts.status, query.status));
  const where = and(...filters);
  const column = {
    lastName: contacts.lastName,
    firstName: contacts.firstName,
    email: contacts.email,
    status: contacts.status,
    createdAt: contacts.createdAt,
  }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: contacts.id,
        email: contacts.email,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        status: contacts.status,
        city: sql<string>`coalesce(${contacts.attributes}->>'city', '')`,
        createdAt: contacts.createdAt,
      })
      .from(contacts)
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(contacts.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(contacts).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ContactRow = Awaited<ReturnType<typeof listContacts>>["rows"][number];

export async function contactStatusCounts(db: DbOrTx, entityId: string) {
  return db
    .select({ status: contacts.status, n: count() })
    .from(contacts)
    .where(eq(contacts.entityId, entityId))
    .groupBy(contacts.status);
}
