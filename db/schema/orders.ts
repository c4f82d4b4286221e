import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { entities } from "./entities";
import { packages } from "./packages";
import { users } from "./users";

export const orderStatuses = ["ordered", "approved", "available", "rejected", "canceled"] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const orderStatus = pgEnum("order_status", orderStatuses);
/** Orders that still hold a place: cancellation and the single-order guard look at these. */
export const liveOrderStatuses: OrderStatus[] = ["ordered", "approved", "available"];

// An entity's request for a package (§4).
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    packageId: uuid("package_id").notNull().references(() => packages.id, { onDelete: "cascade" }),
    entityId: uuid("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    comment: text("comment").notNull().default(""),
    parameters: jsonb("parameters").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    status: orderStatus("status").notNull().default("ordered"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    statusComment: text("status_comment"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orders_package_status_idx").on(t.packageId, t.status),
    index("orders_entity_created_idx").on(t.entityId, t.createdAt, t.id),
    index("orders_created_idx").on(t.createdAt, t.id),
  ],
);
