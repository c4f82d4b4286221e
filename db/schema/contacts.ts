import { index, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { entities } from "./entities";

export const contactStatuses = ["active", "unsubscribed", "bounced"] as const;
export const contactStatus = pgEnum("contact_status", contactStatuses);

// Contacts belong to exactly one local entity; every index leads with the tenant.
export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entityId: uuid("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
    status: contactStatus("status").notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("contacts_entity_email_uq").on(t.entityId, t.email),
    index("contacts_entity_last_name_idx").on(t.entityId, t.lastName, t.id),
  ],
);
