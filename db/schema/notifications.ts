import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { entities } from "./entities";

export const notificationStatuses = ["queued", "sending", "sent", "failed"] as const;
export const notificationStatus = pgEnum("notification_status", notificationStatuses);

// The outbox: one row per email, created in the transaction of the change it reports.
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // One event, one email: a second enqueue of the same event is a no-op.
    eventKey: text("event_key").notNull().unique(),
    recipient: text("recipient").notNull(),
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    entityId: uuid("entity_id").references(() => entities.id, { onDelete: "set null" }),
    status: notificationStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("notifications_created_idx").on(t.createdAt, t.id), index("notifications_status_idx").on(t.status)],
);
