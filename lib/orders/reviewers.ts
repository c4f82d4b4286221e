import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { entityGroupMembers, entityMemberships, users } from "@/db/schema";

export type OrderReviewer = { id: string; email: string; name: string };

/** The entity's order reviewers group; when it is empty, the central operators approve (§1). */
export async function orderReviewersOf(db: DbOrTx, entityId: string): Promise<{ reviewers: OrderReviewer[]; central: boolean }> {
  const group = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(entityGroupMembers)
    .innerJoin(users, eq(users.id, entityGroupMembers.userId))
    .where(and(eq(entityGroupMembers.entityId, entityId), eq(entityGroupMembers.group, "order_reviewers"), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  if (group.length) return { reviewers: group, central: false };
  const central = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.role, "central"), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  return { reviewers: central, central: true };
}

/** May this person accept or reject the entity's orders? Central operators always may, from the admin area. */
export async function mayReviewOrders(db: DbOrTx, actor: { userId: string; role: "central" | "local" }, entityId: string): Promise<boolean> {
  if (actor.role === "central") return true;
  const row = await db.query.entityGroupMembers.findFirst({
    where: and(eq(entityGroupMembers.entityId, entityId), eq(entityGroupMembers.group, "order_reviewers"), eq(entityGroupMembers.userId, actor.userId)),
  });
  return Boolean(row);
}

/**
 * Whom an order may name as reviewers, as checkbox options: the entity's active operators, the
 * only ones placing or editing the order accepts. None when the template takes no reviewers.
 */
export async function reviewerChoices(db: DbOrTx, entityId: string, limits: { maxReviewers: number }): Promise<{ id: string; label: string; hint: string }[]> {
  if (limits.maxReviewers <= 0) return [];
  return db
    .select({ id: users.id, label: users.name, hint: users.email })
    .from(entityMemberships)
    .innerJoin(users, eq(users.id, entityMemberships.userId))
    .where(and(eq(entityMemberships.entityId, entityId), isNull(users.disabledAt)))
    .orderBy(asc(users.name), asc(users.email));
}
