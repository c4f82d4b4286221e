import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { notifications, notificationStatuses } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { givenUp } from "./retry";

export const outboxSortable = ["createdAt", "recipient", "template", "status", "attempts"] as const;
export type OutboxSort = (typeof outboxSortable)[number];
export type NotificationStatus = (typeof notificationStatuses)[number];

/** The outbox as central operators see it. Payloads (which hold link tokens) never leave the server. */
export async function listOutbox(db: DbOrTx, query: TableQuery<OutboxSort> & { status?: NotificationStatus }) {
  const filters: SQL[] = [];
  if (query.q) filters.push(or(ilike(notifications.recipient, likePattern(query.q)), ilike(notifications.subject, likePattern(query.q)))!);
  if (query.status) filters.push(eq(notifications.status, query.status));
  const where = filters.length ? and(...filters) : undefined;
  const column = {
    createdAt: notifications.createdAt,
    recipient: notifications.recipient,
    template: notifications.template,
    status: notifications.status,
    attempts: notifications.attempts,
  }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        recipient: notifications.recipient,
        template: notifications.template,
        subject: notifications.subject,
        status: notifications.status,
        attempts: notifications.attempts,
        providerMessageId: notifications.providerMessageId,
        lastError: notifications.lastError,
        createdAt: notifications.createdAt,
        sentAt: notifications.sentAt,
      })
      .from(notifications)
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(notifications.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  // Failed rows say whether a job will still try them, or an operator must (Retry).
  const gaveUp = await givenUp(db, rows.filter((r) => r.status === "failed").map((r) => r.id));
  return { rows: rows.map((r) => ({ ...r, gaveUp: gaveUp.has(r.id) })), total: total?.n ?? 0 };
}
export type OutboxRow = Awaited<ReturnType<typeof listOutbox>>["rows"][number];

export async function outboxStatusCounts(db: DbOrTx): Promise<Record<NotificationStatus, number>> {
  const rows = await db.select({ status: notifications.status, n: count() }).from(notifications).groupBy(notifications.status);
  const out = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
