import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { budgetCategories, budgetProcessStatus, budgets, commitmentLevel } from "./budgets";
import { entities } from "./entities";
import { costCategories, providers } from "./providers";
import { users } from "./users";

// A plan, a program and a campaign may each name the budget they charge; a campaign without one
// charges its program's, then its plan's (§9). Their calculated cost is kept by budgetMgt.
export const plans = pgTable("plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  label: text("label").notNull(),
  budgetId: uuid("budget_id").references((): AnyPgColumn => budgets.id, { onDelete: "set null" }),
  calculatedCost: numeric("calculated_cost", { precision: 16, scale: 4 }).notNull().default("0"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const programs = pgTable("programs", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id").notNull().references(() => plans.id, { onDelete: "restrict" }),
  label: text("label").notNull(),
  budgetId: uuid("budget_id").references((): AnyPgColumn => budgets.id, { onDelete: "set null" }),
  calculatedCost: numeric("calculated_cost", { precision: 16, scale: 4 }).notNull().default("0"),
  // What its Defined campaigns consolidate, by commitment level (the budget dashboard per program).
  planned: numeric("planned", { precision: 16, scale: 4 }).notNull().default("0"),
  reserved: numeric("reserved", { precision: 16, scale: 4 }).notNull().default("0"),
  committed: numeric("committed", { precision: 16, scale: 4 }).notNull().default("0"),
  spent: numeric("spent", { precision: 16, scale: 4 }).notNull().default("0"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const distributionLevel = pgEnum("distribution_level", ["local", "collaborative"]);
export const collaborativeTypes = ["simple", "by_form", "by_campaign", "by_target_approval"] as const;
export const collaborativeType = pgEnum("collaborative_type", collaborativeTypes);
export const webInterfaceType = pgEnum("web_interface_type", ["preset", "by_brief", "by_form"]);

export type PersonalizationField = {
  name: string;
  label: string;
  type: "text" | "number" | "date" | "select" | "boolean" | "file";
  required: boolean;
  default?: string;
  help?: string;
  options?: string[];
};

/** Parts of a local or child campaign that the entity may change (§3, by campaign). */
export const localEditableParts = ["targeting", "schedule", "typology", "personalization", "workflow"] as const;
export type LocalEditablePart = (typeof localEditableParts)[number];

/** A Query activity's filter over the entity's contacts: every condition must hold. */
export type TargetingCondition = { field: string; operator: "equals" | "not_equals" | "contains" | "is_empty" | "is_not_empty"; value: string };

/** Typology rules applied to a delivery's target (§2). */
export type TypologyRules = {
  pressure: { maxMessages: number; days: number } | null;
  excludeUnsubscribed: boolean;
  excludeBounced: boolean;
  controlGroupPercent: number;
};
export const defaultTypology: TypologyRules = { pressure: null, excludeUnsubscribed: true, excludeBounced: true, controlGroupPercent: 0 };

/** The message a delivery sends; `{{name}}` placeholders take contact and personalization values. */
export type CampaignContent = { subject: string; body: string };

// A campaign template with its distributed-marketing settings (§2).
export const campaignTemplates = pgTable("campaign_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  label: text("label").notNull(),
  internalName: text("internal_name").notNull().unique(),
  distributionLevel: distributionLevel("distribution_level").notNull(),
  collaborativeType: collaborativeType("collaborative_type"),
  webInterfaceType: webInterfaceType("web_interface_type").notNull().default("preset"),
  personalizationFields: jsonb("personalization_fields").$type<PersonalizationField[]>().notNull().default([]),
  defaultValues: jsonb("default_values").$type<Record<string, string>>().notNull().default({}),
  maxReviewers: integer("max_reviewers").notNull().default(0),
  maxDocuments: integer("max_documents").notNull().default(0),
  localEditable: text("local_editable").array().$type<LocalEditablePart[]>().notNull().default(["targeting", "schedule", "typology", "personalization"]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const campaignStatuses = ["being_edited", "to_validate", "started", "finished", "canceled"] as const;
export const campaignStatus = pgEnum("campaign_status", campaignStatuses);
export const campaignType = pgEnum("campaign_type", ["unique", "recurring", "periodic"]);

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    label: text("label").notNull(),
    internalName: text("internal_name").notNull().unique(),
    programId: uuid("program_id").references(() => programs.id, { onDelete: "set null" }),
    templateId: uuid("template_id").references(() => campaignTemplates.id, { onDelete: "set null" }),
    managerId: uuid("manager_id").references(() => users.id, { onDelete: "set null" }),
    startDate: timestamp("start_date", { withTimezone: true }),
    endDate: timestamp("end_date", { withTimezone: true }),
    type: campaignType("type").notNull().default("unique"),
    status: campaignStatus("status").notNull().default("being_edited"),
    // Set on a local entity's own campaign (local package) or child campaign (by campaign).
    entityId: uuid("entity_id").references(() => entities.id, { onDelete: "cascade" }),
    parentCampaignId: uuid("parent_campaign_id").references((): AnyPgColumn => campaigns.id, { onDelete: "set null" }),
    content: jsonb("content").$type<CampaignContent>().notNull().default({ subject: "", body: "" }),
    typology: jsonb("typology").$type<TypologyRules>().notNull().default(defaultTypology),
    // The entity's personalization values (local and child campaigns), by field name.
    personalization: jsonb("personalization").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    recurrence: jsonb("recurrence").$type<Recurrence | null>(),
    // An occurrence of a recurring or periodic campaign, and the period it stands for.
    occurrenceOf: uuid("occurrence_of").references((): AnyPgColumn => campaigns.id, { onDelete: "cascade" }),
    occurrenceAt: timestamp("occurrence_at", { withTimezone: true }),
    // The budget tab (§9).
    budgetId: uuid("budget_id").references((): AnyPgColumn => budgets.id, { onDelete: "set null" }),
    budgetCategoryId: uuid("budget_category_id").references((): AnyPgColumn => budgetCategories.id, { onDelete: "set null" }),
    budgetProcess: budgetProcessStatus("budget_process").notNull().default("being_edited"),
    commitmentLevel: commitmentLevel("commitment_level").notNull().default("planned"),
    provisionalCost: numeric("provisional_cost", { precision: 16, scale: 4 }).notNull().default("0"),
    calculatedCost: numeric("calculated_cost", { precision: 16, scale: 4 }).notNull().default("0"),
    realCost: numeric("real_cost", { precision: 16, scale: 4 }),
    // Kept by budgetMgt: the budget the campaign charges (its own, its program's or its plan's),
    // and what it charges there by bucket (zero until Defined), so budgets and programs add up
    // campaigns rather than every expense line.
    chargedBudgetId: uuid("charged_budget_id").references((): AnyPgColumn => budgets.id, { onDelete: "set null" }),
    chargedPlanned: numeric("charged_planned", { precision: 16, scale: 4 }).notNull().default("0"),
    chargedReserved: numeric("charged_reserved", { precision: 16, scale: 4 }).notNull().default("0"),
    chargedCommitted: numeric("charged_committed", { precision: 16, scale: 4 }).notNull().default("0"),
    chargedSpent: numeric("charged_spent", { precision: 16, scale: 4 }).notNull().default("0"),
    chargedInvoiced: numeric("charged_invoiced", { precision: 16, scale: 4 }).notNull().default("0"),
    // Set by a trigger whenever something its cost depends on changes: budgetMgt's incremental
    // runs start from the campaigns changed since the previous run.
    costChangedAt: timestamp("cost_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("campaigns_entity_idx").on(t.entityId, t.createdAt),
    index("campaigns_parent_idx").on(t.parentCampaignId),
    unique("campaigns_occurrence_uq").on(t.occurrenceOf, t.occurrenceAt),
    index("campaigns_charged_budget_idx").on(t.chargedBudgetId),
    index("campaigns_program_idx").on(t.programId),
    index("campaigns_cost_changed_idx").on(t.costChangedAt),
  ],
);

export const workflowStatuses = ["being_edited", "start_pending", "started", "paused", "finished", "stopped"] as const;
export const workflowStatus = pgEnum("workflow_status", workflowStatuses);

export const activityKinds = ["query", "split", "local_approval", "delivery", "wait", "end"] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * One activity of a workflow graph (§2). `next` are its outgoing transitions; x/y place it in the
 * editor. The settings a kind needs live on the activity itself.
 */
export type WorkflowActivity = {
  id: string;
  kind: ActivityKind;
  label: string;
  next: string[];
  x?: number;
  y?: number;
  /** Split and Local approval: the data distribution template. */
  distributionId?: string;
  /** Local approval: days until the deadline (default 3), and reminders, in hours before it. */
  deadlineDays?: number;
  reminderHours?: number[];
  /** Delivery: the delivery this activity starts. */
  deliveryId?: string;
  /** Wait: how long, in minutes. */
  waitMinutes?: number;
};

/** Recurring and periodic campaigns: how often an occurrence is created. */
export type Recurrence = { every: number; unit: "day" | "week" | "month" };

export const workflows = pgTable(
  "workflows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    status: workflowStatus("status").notNull().default("being_edited"),
    activities: jsonb("activities").$type<WorkflowActivity[]>().notNull().default([]),
    // The Query activity's filter, and when the workflow is to start.
    targeting: jsonb("targeting").$type<TargetingCondition[]>().notNull().default([]),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    // A start, pause or stop asked for and not yet carried out by operationMgt (§2, §10).
    pendingCommand: text("pending_command", { enum: ["start", "pause", "stop"] }),
    // The population after each activity that has run, by activity id.
    populations: jsonb("populations").$type<Record<string, number>>().notNull().default({}),
    // Which activities have run, and those waiting (until a date, or for an answer when null).
    runState: jsonb("run_state").$type<{ done: string[]; waiting: Record<string, string | null> }>().notNull().default({ done: [], waiting: {} }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workflows_campaign_idx").on(t.campaignId), index("workflows_pending_idx").on(t.pendingCommand).where(sql`${t.pendingCommand} is not null`)],
);

// Email deliveries go Being edited → … → In progress → Finished; direct mail goes through the
// provider's steps (Pending extraction → File to approve → Sent to provider → Finished, §7, §8).
export const deliveryStatuses = [
  "being_edited",
  "to_validate",
  "pending_confirmation",
  "start_pending",
  "in_progress",
  "finished",
  "stopped",
  "canceled",
  "pending_extraction",
  "file_to_approve",
  "sent_to_provider",
] as const;
export const deliveryStatus = pgEnum("delivery_status", deliveryStatuses);
export const deliveryChannel = pgEnum("delivery_channel", ["email", "direct_mail"]);

export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    workflowId: uuid("workflow_id").references(() => workflows.id, { onDelete: "set null" }),
    label: text("label").notNull(),
    channel: deliveryChannel("channel").notNull().default("email"),
    status: deliveryStatus("status").notNull().default("being_edited"),
    subject: text("subject").notNull().default(""),
    // Text with {{placeholders}}; the HTML part is made from it, values escaped.
    body: text("body").notNull().default(""),
    // The approvals the delivery needs before it may start, their reviewers and reminders.
    approvalKinds: text("approval_kinds").array().$type<("target" | "content" | "budget")[]>().notNull().default([]),
    reviewerIds: uuid("reviewer_ids").array().notNull().default([]),
    approvalDays: integer("approval_days").notNull().default(3),
    reminderHours: integer("reminder_hours").array().notNull().default([24]),
    // The workflow reached this delivery's activity: once approved, deliveryMgt may start it.
    reachedAt: timestamp("reached_at", { withTimezone: true }),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    // Messages per second; null = as fast as the SMTP server takes them.
    ratePerSecond: integer("rate_per_second"),
    providerId: uuid("provider_id").references(() => providers.id, { onDelete: "set null" }),
    realCost: numeric("real_cost", { precision: 14, scale: 2 }),
    // §9 cost: the service it uses (whose structures apply to the targeted count once known), the
    // estimate before that, and what budgetMgt calculated.
    costCategoryId: uuid("cost_category_id").references((): AnyPgColumn => costCategories.id, { onDelete: "set null" }),
    provisionalCost: numeric("provisional_cost", { precision: 16, scale: 4 }).notNull().default("0"),
    calculatedCost: numeric("calculated_cost", { precision: 16, scale: 4 }).notNull().default("0"),
    // Messages to send after the typology rules (email) or rows of the extraction file (direct
    // mail): null until the delivery is analysed.
    targetedCount: integer("targeted_count"),
    // Stamped by a trigger when its status, cost category or targeted count changes: stockMgt's
    // incremental runs reconcile only these deliveries' consumptions.
    costChangedAt: timestamp("cost_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("deliveries_campaign_idx").on(t.campaignId),
    index("deliveries_cost_category_idx").on(t.costCategoryId).where(sql`${t.costCategoryId} is not null`),
    index("deliveries_cost_changed_idx").on(t.costChangedAt),
  ],
);
