import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { entities, entityGroupMembers, entityMemberships, users, type OperatorGroup } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { EntityFormValues } from "./schemas";

const groupFields: Record<OperatorGroup, "packageNotification" | "orderReviewers" | "campaignReviewers"> = {
  package_notification: "packageNotification",
  order_reviewers: "orderReviewers",
  campaign_reviewers: "campaignReviewers",
};

/** Creates or updates an entity with its operators and groups, all in the caller's transaction. */
export async function saveEntity(tx: Tx, values: EntityFormValues, id?: string): Promise<string> {
  const clash = await tx.query.entities.findFirst({ where: eq(entities.internalName, values.internalName) });
  if (clash && clash.id !== id) {
    throw new AppError("invalid_input", undefined, { internalName: "Another entity already uses this internal name." });
  }
  if (values.parentId) {
    // Two concurrent edits could each pass the check and together close a loop: one at a time.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('entity-hierarchy'))`);
    await assertValidParent(tx, values.parentId, id);
  }
  if (values.members.length) {
    const locals = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, values.members), eq(users.role, "local")));
    if (locals.length !== new Set(values.members).size) {
      throw new AppError("invalid_input", undefined, { members: "Choose local operators only." });
    }
  }
  const details = {
    label: values.label,
    internalName: values.internalName,
    email: values.email || null,
    phone: values.phone || null,
    address: values.address || null,
    parentId: values.parentId || null,
  };
  let entityId = id;
  if (entityId) {
    const updated = await tx
      .update(entities)
      .set({ ...details, updatedAt: sql`now()` })
      .where(and(eq(entities.id, entityId), eq(entities.kind, "local")))
      .returning({ id: entities.id });
    if (!updated.length) throw new AppError("not_found");
    await tx.delete(entityGroupMembers).where(eq(entityGroupMembers.entityId, entityId));
    await tx.delete(entityMemberships).where(eq(entityMemberships.entityId, entityId));
  } else {
    const [row] = await tx.insert(entities).values({ ...details, kind: "local" }).returning({ id: entities.id });
    entityId = row!.id;
  }
  const members = [...new Set(values.members)];
  if (members.length) await tx.insert(entityMemberships).values(members.map((userId) => ({ entityId: entityId!, userId })));
  const groupRows = (Object.keys(groupFields) as OperatorGroup[]).flatMap((group) =>
    [...new Set(values[groupFields[group]])].map((userId) => ({ entityId: entityId!, group, userId })),
  );
  if (groupRows.length) await tx.insert(entityGroupMembers).values(groupRows);
  return entityId;
}

async function assertValidParent(tx: Tx, parentId: string, id?: string) {
  // Walk up from the proposed parent: meeting the entity itself would make a cycle.
  const chain = await tx.execute<{ id: string; kind: string }>(sql`
    with recursive up as (
      select id, parent_id, kind, 1 as depth from ${entities} where id = ${parentId}
      union all
      select e.id, e.parent_id, e.kind, up.depth + 1 from ${entities} e join up on e.id = up.parent_id where up.depth < 100
    ) select id, kind from up`);
  const rows = [...chain];
  if (!rows.length || rows[0]!.kind !== "local") {
    throw new AppError("invalid_input", undefined, { parentId: "Choose an existing local entity." });
  }
  if (id && rows.some((r) => r.id === id)) {
    throw new AppError("invalid_input", undefined, { parentId: "An entity cannot be its own parent or ancestor." });
  }
}
