import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { deliveries, workflows } from "./campaigns";
import { contacts } from "./contacts";
import { entities } from "./entities";
import { users } from "./users";

// §6 Data distribution templates: a contact attribute's values, each handed to one local entity.
export const distributionType = pgEnum("distribution_type", ["percentage", "fixed_size"]);

export const dataDistributions = pgTable("data_distributions", {
  id: uuid("id").primaryKey().defaultRandom(),
  label: text("label").notNull(),
  // A contact attribute name, or `entity` for the owning entity's internal name.
  field: text("field").notNull(),
  type: distributionType("type").notNull().default("fixed_size"),
  assignment: text("assignment", { enum: ["local_entity"] }).notNull().default("local_entity"),
  // Approve targeted messages: contacts start checked, and a silent entity keeps them (§6).
  approveTargeted: boolean("approve_targeted").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const dataDistributionRows = pgTable(
  "data_distribution_rows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    distributionId: uuid("distribution_id").notNull().references(() => dataDistributions.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    value: text("value").notNull(),
    entityId: uuid("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
    // 0 = every record of that value; otherwise a count (fixed size) or a percentage.
    limit: integer("limit").notNull().default(0),
    label: text("label").notNull().default(""),
  },
  (t) => [unique("data_distribution_rows_value_uq").on(t.distributionId, t.value)],
);

/**
 * A workflow run's population, one row per targeted contact. The Query inserts it; Split and
 * Local approval narrow it by marking `excludedBy` (the activity that removed the contact), so the
 * count after any activity is a count over this table.
 *
 * A working table, written 100,000 rows at a time: it has no foreign keys, whose row-by-row checks
 * (each a `FOR KEY SHARE` lock on the contact, the entity and the workflow) took two thirds of a
 * Query's time (e2e/perf/RESULTS.md, B5). The rows come from `contacts` in the same statement, so
 * they are valid when written; the cascades are statement-level delete triggers on workflows,
 * contacts and entities instead (migration 0018). One index, which leads with the entity, serves
 * the run (by workflow), each entity's approval page (by workflow and entity) and uniqueness.
 */
export const workflowTargets = pgTable(
  "workflow_targets",
  {
    workflowId: uuid("workflow_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    entityId: uuid("entity_id").notNull(),
    excludedBy: text("excluded_by"),
    reason: text("reason", { enum: ["split", "unchecked", "not_answered"] }),
    // On the entity's approval page: checked contacts are kept.
    checked: boolean("checked").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.workflowId, t.entityId, t.contactId] })],
);

export const approvalTaskStatus = pgEnum("approval_task_status", ["pending", "approved", "expired"]);

// §6 One target-approval task per entity and Local approval activity.
export const approvalTasks = pgTable(
  "approval_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workflowId: uuid("workflow_id").notNull().references(() => workflows.id, { onDelete: "cascade" }),
    activityId: text("activity_id").notNull(),
    entityId: uuid("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
    status: approvalTaskStatus("status").notNull().default("pending"),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    comment: text("comment").notNull().default(""),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("approval_tasks_uq").on(t.workflowId, t.activityId, t.entityId), index("approval_tasks_entity_idx").on(t.entityId, t.status)],
);

export const messageStatuses = ["excluded", "queued", "sending", "sent", "failed", "bounced"] as const;
export const messageStatus = pgEnum("message_status", messageStatuses);

/**
 * One row per contact a delivery reaches or holds back (§7). The row is claimed (`sending`)
 * before the SMTP call and settled after it, so a restart never sends a message twice.
 */
export const deliveryMessages = pgTable(
  "delivery_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id").notNull().references(() => deliveries.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    entityId: uuid("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    status: messageStatus("status").notNull().default("queued"),
    // Why a contact was held back: unsubscribed, bounced, pressure, control_group.
    excludedReason: text("excluded_reason"),
    error: text("error"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    clickedAt: timestamp("clicked_at", { withTimezone: true }),
    opens: integer("opens").notNull().default(0),
    clicks: integer("clicks").notNull().default(0),
  },
  (t) => [
    unique("delivery_messages_contact_uq").on(t.deliveryId, t.contactId),
    index("delivery_messages_status_idx").on(t.deliveryId, t.status),
    // The sender claims the next queued messages in id order: an index range, however far the send has gone.
    index("delivery_messages_queued_idx").on(t.deliveryId, t.id).where(sql`${t.status} = 'queued'`),
    // The pressure rule counts a contact's recent messages.
    index("delivery_messages_pressure_idx").on(t.contactId, t.sentAt).where(sql`${t.sentAt} is not null`),
  ],
);

export const deliveryApprovalKinds = ["target", "content", "budget"] as const;
export const deliveryApprovalStatus = pgEnum("delivery_approval_status", ["pending", "approved", "rejected"]);

// §7 Target, content and budget approvals of a delivery, each answered once.
export const deliveryApprovals = pgTable(
  "delivery_approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id").notNull().references(() => deliveries.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: deliveryApprovalKinds }).notNull(),
    status: deliveryApprovalStatus("status").notNull().default("pending"),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    comment: text("comment").notNull().default(""),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [unique("delivery_approvals_kind_uq").on(t.deliveryId, t.kind)],
);

// §8 The extraction file of a direct-mail delivery, approved before it goes to the provider.
export const deliveryFiles = pgTable("delivery_files", {
  id: uuid("id").primaryKey().defaultRandom(),
  deliveryId: uuid("delivery_id").notNull().unique().references(() => deliveries.id, { onDelete: "cascade" }),
  fileName: text("file_name").notNull(),
  data: text("data").notNull(),
  rowCount: integer("row_count").notNull(),
  approvedById: uuid("approved_by_id").references(() => users.id, { onDelete: "set null" }),
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ActivityRunState = { done: string[]; waiting: Record<string, string | null> };
export const emptyRunState: ActivityRunState = { done: [], waiting: {} };
