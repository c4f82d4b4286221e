import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns, deliveries } from "./campaigns";
import { providers } from "./providers";

// §9 Stock: a marketing resource (brochures, vouchers, samples) that deliveries consume.
export const stockLines = pgTable("stock_lines", {
  id: uuid("id").primaryKey().defaultRandom(),
  resource: text("resource").notNull(),
  providerId: uuid("provider_id").references(() => providers.id, { onDelete: "set null" }),
  initialStock: integer("initial_stock").notNull().default(0),
  alertLevel: integer("alert_level").notNull().default(0),
  // Central operators emailed when the line reaches its alert level.
  managerIds: uuid("manager_ids").array().notNull().default([]),
  // Computed by stockMgt.
  ordered: integer("ordered").notNull().default(0),
  consumed: integer("consumed").notNull().default(0),
  inStock: integer("in_stock").notNull().default(0),
  // Set while the line is at or below its alert level; alertCount numbers the crossings, so each
  // crossing emails once, whatever the number of runs.
  alertSince: timestamp("alert_since", { withTimezone: true }),
  alertCount: integer("alert_count").notNull().default(0),
  computedAt: timestamp("computed_at", { withTimezone: true }),
  // Stamped by triggers (migration 0017) when its consumptions or initial stock change: an
  // incremental stockMgt run re-adds only the lines stamped since its watermark.
  figuresChangedAt: timestamp("figures_changed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A replenishment: added to the line's stock by stockMgt once its delivery date has come. */
export const stockOrders = pgTable(
  "stock_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stockLineId: uuid("stock_line_id").notNull().references(() => stockLines.id, { onDelete: "cascade" }),
    volume: integer("volume").notNull(),
    deliveryDate: date("delivery_date").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stock_orders_line_idx").on(t.stockLineId)],
);

/** What a delivery takes from a line (its targeted count), per campaign; kept by stockMgt. */
export const stockConsumptions = pgTable(
  "stock_consumptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stockLineId: uuid("stock_line_id").notNull().references(() => stockLines.id, { onDelete: "cascade" }),
    deliveryId: uuid("delivery_id").unique().references(() => deliveries.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // (line, quantity): a line's consumed sum is read from the index alone when stockMgt re-adds it.
  (t) => [index("stock_consumptions_line_idx").on(t.stockLineId, t.quantity), index("stock_consumptions_campaign_idx").on(t.campaignId)],
);
