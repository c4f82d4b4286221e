import { sql } from "drizzle-orm";
import { bigint, boolean, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { entities } from "./entities";
import { users } from "./users";

export const packageKind = pgEnum("package_kind", ["local", "collaborative"]);
export const packageStatuses = ["being_edited", "pending_approval", "approved", "published", "rejected", "canceled"] as const;
export type PackageStatus = (typeof packageStatuses)[number];
export const packageStatus = pgEnum("package_status", packageStatuses);
export const approvalMode = pgEnum("approval_mode", ["manual", "automatic"]);

// A campaign package offered to local entities (§3).
export const packages = pgTable(
  "packages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: packageKind("kind").notNull(),
    label: text("label").notNull(),
    internalName: text("internal_name").notNull().unique(),
    folder: text("folder").notNull().default(""),
    referenceCampaignId: uuid("reference_campaign_id").notNull().references(() => campaigns.id, { onDelete: "restrict" }),
    // The reference campaign's label, copied by triggers (migration 0015) so that the list can
    // sort and page by it through an index of its own: an ORDER BY over a joined column cannot.
    referenceLabel: text("reference_label").notNull().default(""),
    assignedToId: uuid("assigned_to_id").references(() => users.id, { onDelete: "set null" }),
    description: text("description").notNull().default(""),
    messageForEntities: text("message_for_entities").notNull().default(""),
    sendNotificationOnPublication: boolean("send_notification_on_publication").notNull().default(true),
    // Local packages: "Limit the package to a set of local entities". Collaborative: the audience.
    limitToAudience: boolean("limit_to_audience").notNull().default(false),
    approvalMode: approvalMode("approval_mode").notNull().default("manual"),
    enableMultipleCreation: boolean("enable_multiple_creation").notNull().default(false),
    startTargetingWithApproval: boolean("start_targeting_with_approval").notNull().default(false),
    startAt: timestamp("start_at", { withTimezone: true }).notNull(),
    endAt: timestamp("end_at", { withTimezone: true }).notNull(),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull(),
    registrationDeadline: timestamp("registration_deadline", { withTimezone: true }),
    personalizationDeadline: timestamp("personalization_deadline", { withTimezone: true }),
    approvalDelayDays: integer("approval_delay_days").notNull().default(3),
    reminderDaysBefore: integer("reminder_days_before").array().notNull().default([1]),
    approvalDeadline: timestamp("approval_deadline", { withTimezone: true }),
    status: packageStatus("status").notNull().default("being_edited"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    // Bumped by every transition: event keys of emails include it, so a reused package notifies again.
    revision: integer("revision").notNull().default(0),
    rejectionComment: text("rejection_comment"),
    cancelComment: text("cancel_comment"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("packages_status_created_idx").on(t.status, t.createdAt, t.id),
    index("packages_created_idx").on(t.createdAt, t.id),
    // Leads with the campaign for the foreign key; created_at serves the reference filter's default order.
    index("packages_reference_idx").on(t.referenceCampaignId, t.createdAt, t.id),
    // One (column, id) index per sort of the list: keyset pages seek into it whatever their depth.
    index("packages_label_idx").on(t.label, t.id),
    index("packages_kind_idx").on(t.kind, t.id),
    index("packages_folder_idx").on(t.folder, t.id),
    index("packages_reference_label_idx").on(t.referenceLabel, t.id),
    index("packages_status_idx").on(t.status, t.id),
    index("packages_start_idx").on(t.startAt, t.id),
    // The Type filter with a Start range: the type alone is a quarter or three quarters of the table.
    index("packages_kind_start_idx").on(t.kind, t.startAt),
    index("packages_end_idx").on(t.endAt, t.id),
    index("packages_available_idx").on(t.availableAt, t.id),
    index("packages_status_changed_idx").on(t.statusChangedAt, t.id),
    // The search is ILIKE '%…%': only trigrams serve a leading wildcard. (The folder filter matches
    // the few distinct folders instead, through packages_folder_idx: see lib/packages/queries.ts.)
    index("packages_label_trgm_idx").using("gin", t.label.op("gin_trgm_ops")),
    index("packages_internal_name_trgm_idx").using("gin", t.internalName.op("gin_trgm_ops")),
    // Late and Unavailable depend on now(): these small partial indexes list and count them.
    index("packages_pending_deadline_idx").on(t.approvalDeadline).where(sql`${t.status} = 'pending_approval'`),
    index("packages_approved_available_idx").on(t.availableAt).where(sql`${t.status} = 'approved'`),
    index("packages_published_end_idx").on(t.endAt).where(sql`${t.status} = 'published'`),
  ],
);

// Exact package counts by status, kept by statement-level triggers (migration 0015), so that the
// list's quick links and chart read six rows instead of counting every package on each visit.
export const packageStatusCounts = pgTable("package_status_counts", {
  status: packageStatus("status").primaryKey(),
  count: bigint("count", { mode: "number" }).notNull().default(0),
});

export const packageAudience = pgTable(
  "package_audience",
  {
    packageId: uuid("package_id").notNull().references(() => packages.id, { onDelete: "cascade" }),
    entityId: uuid("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.entityId] }), index("package_audience_entity_idx").on(t.entityId)],
);

export const packageReviewers = pgTable(
  "package_reviewers",
  {
    packageId: uuid("package_id").notNull().references(() => packages.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.userId] })],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

// Attached documents live in the database, so that they are backed up and served with the package.
export const packageDocuments = pgTable("package_documents", {
  id: uuid("id").primaryKey().defaultRandom(),
  packageId: uuid("package_id").notNull().references(() => packages.id, { onDelete: "cascade" }),
  fileName: text("file_name").notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  data: bytea("data").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// The "Approvals and publications journal".
export const packageJournal = pgTable(
  "package_journal",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    packageId: uuid("package_id").notNull().references(() => packages.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    comment: text("comment"),
  },
  (t) => [index("package_journal_package_idx").on(t.packageId, t.at)],
);

// Progress of a collaborative package's cancellation cascade, shown on its dashboard.
export const packageCascades = pgTable("package_cascades", {
  packageId: uuid("package_id").notNull().references(() => packages.id, { onDelete: "cascade" }),
  revision: integer("revision").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  ordersCanceled: integer("orders_canceled").notNull().default(0),
  entitiesNotified: integer("entities_notified").notNull().default(0),
}, (t) => [primaryKey({ columns: [t.packageId, t.revision] })]);
