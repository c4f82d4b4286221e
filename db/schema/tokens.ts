import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { entities } from "./entities";
import { users } from "./users";

export const tokenPurpose = pgEnum("token_purpose", [
  "sign_in",
  "invitation",
  "package_review",
  "package_offer",
  "order_review",
  "order_parameters",
  "subscription_reject",
  "order_change",
  "target_approval",
  "delivery_review",
]);

// An emailed link names one action for one person. Only the SHA-256 of the token is stored,
// so a database read never yields a usable link.
export const actionTokens = pgTable(
  "action_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    purpose: tokenPurpose("purpose").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    entityId: uuid("entity_id").references(() => entities.id, { onDelete: "cascade" }),
    // What the action is about (a package to review…); the purpose says which table.
    subjectId: uuid("subject_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("action_tokens_email_idx").on(t.email),
    // Approving or changing a package, order or delivery spends its open links: without this,
    // a scan of every token ever made (10,000 more with each publication to 10,000 entities).
    index("action_tokens_open_subject_idx").on(t.subjectId).where(sql`${t.usedAt} is null`),
  ],
);

export const invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  role: text("role", { enum: ["central", "local"] }).notNull(),
  isAdmin: boolean("is_admin").notNull().default(false),
  entityIds: uuid("entity_ids").array().notNull().default([]),
  tokenId: uuid("token_id").notNull().references(() => actionTokens.id, { onDelete: "cascade" }),
  invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
  acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
