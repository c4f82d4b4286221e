import { and, asc, count, eq, gt, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { actionTokens, invitations, users } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";

export const operatorSortable = ["name", "email", "role", "createdAt"] as const;
export type OperatorSort = (typeof operatorSortable)[number];

export async function listOperators(db: DbOrTx, query: TableQuery<OperatorSort> & { role?: "central" | "local" }) {
  const filters: SQL[] = [];
  if (query.q) filters.push(or(ilike(users.name, likePattern(query.q)), ilike(users.email, likePattern(query.q)))!);
  if (query.role) filters.push(eq(users.role, query.role));
  const where = filters.length ? and(...filters) : undefined;
  const column = { name: users.name, email: users.email, role: users.role, createdAt: users.createdAt }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        isAdmin: users.isAdmin,
        createdAt: users.createdAt,
        // Written out in full: drizzle renders a bare "id" here, which the subquery would take as e.id.
        entities: sql<string>`coalesce((select string_agg(e.label, ', ' order by e.label) from entity_memberships m join entities e on e.id = m.entity_id where m.user_id = "users"."id"), '')`,
      })
      .from(users)
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(users.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type OperatorRow = Awaited<ReturnType<typeof listOperators>>["rows"][number];

export async function listPendingInvitations(db: DbOrTx) {
  return db
    .select({ id: invitations.id, email: invitations.email, name: invitations.name, role: invitations.role, createdAt: invitations.createdAt })
    .from(invitations)
    .innerJoin(actionTokens, eq(actionTokens.id, invitations.tokenId))
    // Pending means the link still works: not accepted, not replaced, not expired.
    .where(and(isNull(invitations.acceptedAt), isNull(actionTokens.usedAt), gt(actionTokens.expiresAt, sql`now()`)))
    .orderBy(sql`${invitations.createdAt} desc`)
    .limit(50);
}
