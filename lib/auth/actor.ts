import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { entities, entityMemberships, users } from "@/db/schema";

export type Membership = { id: string; internalName: string; label: string };

/** Who is acting, re-read from the database on every request so that revocations apply at once. */
export type Actor = {
  userId: string;
  email: string;
  name: string;
  role: "central" | "local";
  isAdmin: boolean;
  memberships: Membership[];
};

export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const user = await db.query.users.findFirst({ where: and(eq(users.id, userId), isNull(users.disabledAt)) });
  if (!user) return null;
  const memberships = await db
    .select({ id: entities.id, internalName: entities.internalName, label: entities.label })
    .from(entityMemberships)
    .innerJoin(entities, eq(entities.id, entityMemberships.entityId))
    .where(and(eq(entityMemberships.userId, userId), eq(entities.kind, "local")))
    .orderBy(asc(entities.label));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isAdmin: user.role === "central" && user.isAdmin,
    memberships,
  };
}

/** Where a person lands after signing in. */
export function landingPath(actor: Actor): string {
  if (actor.role === "central") return "/admin";
  if (actor.memberships.length === 1) return `/portal/${actor.memberships[0]!.internalName}`;
  return "/portal";
}
