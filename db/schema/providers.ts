import { type AnyPgColumn, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uuid, boolean } from "drizzle-orm/pg-core";
import { stockLines } from "./stock";

export type ExportColumn = { header: string; field: string };

// §8 A service provider with its three processes: extraction, notification, post-processing.
export const providers = pgTable("providers", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  contactEmails: text("contact_emails").array().notNull().default([]),
  // File extraction: the export template (columns from contact fields) and the file name pattern.
  exportColumns: jsonb("export_columns").$type<ExportColumn[]>().notNull().default([]),
  fileNamePattern: text("file_name_pattern").notNull().default("{delivery}-{date}.csv"),
  // Notification email to the provider, with the file attached.
  notifySubject: text("notify_subject").notNull().default(""),
  notifyBody: text("notify_body").notNull().default(""),
  // Post-processing: finished as soon as the file is sent, or when the provider reports back.
  finishOnSend: boolean("finish_on_send").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const costChannel = pgEnum("cost_channel", ["email", "direct_mail", "task"]);

export const costCategories = pgTable(
  "cost_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id").notNull().references(() => providers.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    channel: costChannel("channel").notNull(),
    costTypes: text("cost_types").array().notNull().default([]),
    // The stock line the service consumes, one unit per targeted item (§9).
    stockLineId: uuid("stock_line_id").references((): AnyPgColumn => stockLines.id, { onDelete: "set null" }),
  },
  (t) => [index("cost_categories_provider_idx").on(t.providerId)],
);

export const costStructureKind = pgEnum("cost_structure_kind", ["fixed", "linear", "linear_threshold", "constant_threshold"]);

/** A tier: up to `upTo` items (null = above the last), at `price` (unit or flat, by kind), as a decimal string. */
export type CostTier = { upTo: number | null; price: string };

// Money is exact: numeric, read and written as decimal strings.
export const costStructures = pgTable(
  "cost_structures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    categoryId: uuid("category_id").notNull().references(() => costCategories.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    kind: costStructureKind("kind").notNull(),
    // fixed: the amount; linear: the unit (or batch) price.
    amount: numeric("amount", { precision: 14, scale: 4 }).notNull().default("0"),
    // linear per batch of N (null = per unit).
    batchSize: integer("batch_size"),
    tiers: jsonb("tiers").$type<CostTier[]>().notNull().default([]),
  },
  (t) => [index("cost_structures_category_idx").on(t.categoryId)],
);
