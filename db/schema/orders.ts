import { customType, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
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
    // Operators of the entity named on the order, where the template allows reviewers (§2).
    reviewerIds: uuid("reviewer_ids").array().notNull().default([]),
    // The entity's local campaign (local package) or child campaign (by campaign), once Available.
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orders_package_status_idx").on(t.packageId, t.status),
    index("orders_entity_created_idx").on(t.entityId, t.createdAt, t.id),
    index("orders_created_idx").on(t.createdAt, t.id),
    index("orders_entity_package_idx").on(t.entityId, t.packageId),
  ],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

// Documents an entity attaches to its order; `fieldName` is set for a file personalization field.
export const orderDocuments = pgTable(
  "order_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id").notNull().references(() => orders.id, { onDelete: "cascade" }),
    fieldName: text("field_name"),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    data: bytea("data").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_documents_order_idx").on(t.orderId)],
);
