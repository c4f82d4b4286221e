import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { entities, entityGroupMembers, entityMemberships, users, type OperatorGroup } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";

export const entitySortable = ["label", "internalName", "email", "parent", "createdAt"] as const;
export type EntitySort = (typeof entitySortable)[number];

const parent = alias(entities, "parent");

export async function listEntities(db: DbOrTx, query: TableQuery<EntitySort> & { parentId?: string }) {
  const filters: SQL[] = [eq(entities.kind, "local")];
  if (query.q) {
    const p = likePattern(query.q);
    filters.push(or(ilike(entities.label, p), ilike(entities.internalName, p), ilike(entities.email, p))!);
  }
  if (query.parentId) filters.push(eq(entities.parentId, query.parentId));
  const where = and(...filters);
  const column = {
    label: entities.label,
    internalName: entities.internalName,
    email: entities.email,
    parent: parent.label,
    createdAt: entities.createdAt,
  }[query.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: entities.id,
        label: entities.label,
        internalName: entities.internalName,
        email: entities.email,
        phone: entities.phone,
        parentLabel: parent.label,
        createdAt: entities.createdAt,
        operators: sql<number>`(select count(*)::int from ${entityMemberships} m where m.entity_id = "entities"."id")`,
      })
      .from(entities)
      .leftJoin(parent, eq(parent.id, entities.parentId))
      .where(where)
      .orderBy(orderBy(column, query.desc), asc(entities.id))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(entities).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type EntityRow = Awaited<ReturnType<typeof listEntities>>["rows"][number];

export async function listParentOptions(db: DbOrTx) {
  return db
    .select({ id: entities.id, label: entities.label })
    .from(entities)
    .where(eq(entities.kind, "local"))
    .orderBy(asc(entities.label))
    .limit(2000);
}

export async function listLocalOperators(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.role, "local"))
    .orderBy(asc(users.name))
    .limit(5000);
}

export async function getEntityForEdit(db: DbOrTx, id: string) {
  const entity = await db.query.entities.findFirst({ where: and(eq(entities.id, id), eq(entities.kind, "local")) });
  if (!entity) return null;
  const [members, groups] = await Promise.all([
    db.select({ userId: entityMemberships.userId }).from(entityMemberships).where(eq(entityMemberships.entityId, id)),
    db.select().from(entityGroupMembers).where(eq(entityGroupMembers.entityId, id)),
  ]);
  const inGroup = (g: OperatorGroup) => groups.filter((r) => r.group === g).map((r) => r.userId);
  return {
    entity,
    values: {
      label: entity.label,
      internalName: entity.internalName,
      email: entity.email ?? "",
      phone: entity.phone ?? "",
      address: entity.address ?? "",
      parentId: entity.parentId ?? "",
      members: members.map((m) => m.userId),
      packageNotification: inGroup("package_notification"),
      orderReviewers: inGroup("order_reviewers"),
      campaignReviewers: inGroup("campaign_reviewers"),
    },
  };
}

export async function internalNamesTaken(db: DbOrTx, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db.select({ n: entities.internalName }).from(entities).where(inArray(entities.internalName, names));
  return new Set(rows.map((r) => r.n));
}

