import { type AnyPgColumn, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { entities } from "./entities";
import { users } from "./users";

export const plans = pgTable("plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  label: text("label").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const programs = pgTable("programs", {
  id: uuid("id").primaryKey().defaultRandom(),
  planId: uuid("plan_id").notNull().references(() => plans.id, { onDelete: "restrict" }),
  label: text("label").notNull(),
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaigns_entity_idx").on(t.entityId, t.createdAt), index("campaigns_parent_idx").on(t.parentCampaignId)],
);

export const workflowStatuses = ["being_edited", "start_pending", "started", "paused", "finished", "stopped"] as const;
export const workflowStatus = pgEnum("workflow_status", workflowStatuses);

export type WorkflowActivity = { id: string; kind: "query" | "split" | "local_approval" | "delivery" | "wait" | "end"; label: string; next: string[] };

export const workflows = pgTable(
  "workflows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    status: workflowStatus("status").notNull().default("being_edited"),
    activities: jsonb("activities").$type<WorkflowActivity[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workflows_campaign_idx").on(t.campaignId)],
);

export const deliveryStatuses = ["being_edited", "to_validate", "pending_confirmation", "start_pending", "in_progress", "finished", "stopped", "canceled"] as const;
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
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deliveries_campaign_idx").on(t.campaignId)],
);
