import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { entities, entityGroupMembers } from "@/db/schema";

/** What the portal home shows of the entity itself, and the groups the operator is in. */
export async function getPortalEntity(db: DbOrTx, entityId: string, userId: string) {
  const [entity, groups] = await Promise.all([
    db.query.entities.findFirst({ where: eq(entities.id, entityId) }),
    db
      .select({ group: entityGroupMembers.group })
      .from(entityGroupMembers)
      .where(and(eq(entityGroupMembers.entityId, entityId), eq(entityGroupMembers.userId, userId))),
  ]);
  return { entity: entity!, groups: groups.map((g) => g.group) };
}
