import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const entityKind = pgEnum("entity_kind", ["central", "local"]);

export const entities = pgTable(
  "entities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: entityKind("kind").notNull().default("local"),
    label: text("label").notNull(),
    // URL-safe and unique: the portal lives at /portal/<internal name>.
    internalName: text("internal_name").notNull().unique(),
    email: text("email"),
    phone: text("phone"),
    address: text("address"),
    parentId: uuid("parent_id").references((): AnyPgColumn => entities.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("entities_kind_label_idx").on(t.kind, t.label, t.id),
    index("entities_label_lower_idx").on(sql`lower(${t.label})`),
  ],
);

export const entityMemberships = pgTable(
  "entity_memberships",
  {
    entityId: uuid("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.userId] }), index("entity_memberships_user_idx").on(t.userId)],
);

export const operatorGroups = ["package_notification", "order_reviewers", "campaign_reviewers"] as const;
export type OperatorGroup = (typeof operatorGroups)[number];
export const operatorGroup = pgEnum("operator_group", operatorGroups);

export const entityGroupMembers = pgTable(
  "entity_group_members",
  {
    entityId: uuid("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
    group: operatorGroup("group").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.group, t.userId] })],
);
