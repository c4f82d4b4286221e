CREATE TYPE "public"."approval_task_status" AS ENUM('pending', 'approved', 'expired');--> statement-breakpoint
CREATE TYPE "public"."delivery_approval_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."distribution_type" AS ENUM('percentage', 'fixed_size');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('excluded', 'queued', 'sending', 'sent', 'failed', 'bounced');--> statement-breakpoint
CREATE TYPE "public"."cost_channel" AS ENUM('email', 'direct_mail', 'task');--> statement-breakpoint
CREATE TYPE "public"."cost_structure_kind" AS ENUM('fixed', 'linear', 'linear_threshold', 'constant_threshold');--> statement-breakpoint
ALTER TYPE "public"."delivery_status" ADD VALUE 'pending_extraction';--> statement-breakpoint
ALTER TYPE "public"."delivery_status" ADD VALUE 'file_to_approve';--> statement-breakpoint
ALTER TYPE "public"."delivery_status" ADD VALUE 'sent_to_provider';--> statement-breakpoint
ALTER TYPE "public"."token_purpose" ADD VALUE 'target_approval';--> statement-breakpoint
ALTER TYPE "public"."token_purpose" ADD VALUE 'delivery_review';--> statement-breakpoint
CREATE TABLE "approval_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" "approval_task_status" DEFAULT 'pending' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_tasks_uq" UNIQUE("workflow_id","activity_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "data_distribution_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"distribution_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"value" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"limit" integer DEFAULT 0 NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	CONSTRAINT "data_distribution_rows_value_uq" UNIQUE("distribution_id","value")
);
--> statement-breakpoint
CREATE TABLE "data_distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"field" text NOT NULL,
	"type" "distribution_type" DEFAULT 'fixed_size' NOT NULL,
	"assignment" text DEFAULT 'local_entity' NOT NULL,
	"approve_targeted" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" "delivery_approval_status" DEFAULT 'pending' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"comment" text DEFAULT '' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "delivery_approvals_kind_uq" UNIQUE("delivery_id","kind")
);
--> statement-breakpoint
CREATE TABLE "delivery_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"data" text NOT NULL,
	"row_count" integer NOT NULL,
	"approved_by_id" uuid,
	"approved_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_files_delivery_id_unique" UNIQUE("delivery_id")
);
--> statement-breakpoint
CREATE TABLE "delivery_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"email" text NOT NULL,
	"status" "message_status" DEFAULT 'queued' NOT NULL,
	"excluded_reason" text,
	"error" text,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"clicked_at" timestamp with time zone,
	"opens" integer DEFAULT 0 NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "delivery_messages_contact_uq" UNIQUE("delivery_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "workflow_targets" (
	"workflow_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"excluded_by" text,
	"reason" text,
	"checked" boolean DEFAULT true NOT NULL,
	CONSTRAINT "workflow_targets_workflow_id_contact_id_pk" PRIMARY KEY("workflow_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "cost_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"label" text NOT NULL,
	"channel" "cost_channel" NOT NULL,
	"cost_types" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cost_structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"label" text NOT NULL,
	"kind" "cost_structure_kind" NOT NULL,
	"amount" numeric(14, 4) DEFAULT '0' NOT NULL,
	"batch_size" integer,
	"tiers" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact_emails" text[] DEFAULT '{}' NOT NULL,
	"export_columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_name_pattern" text DEFAULT '{delivery}-{date}.csv' NOT NULL,
	"notify_subject" text DEFAULT '' NOT NULL,
	"notify_body" text DEFAULT '' NOT NULL,
	"finish_on_send" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "recurrence" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "occurrence_of" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "occurrence_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "subject" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "body" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "approval_kinds" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "reviewer_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "approval_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "reminder_hours" integer[] DEFAULT '{24}' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "reached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "scheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "rate_per_second" integer;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "provider_id" uuid;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "real_cost" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "workflows" ADD COLUMN "run_state" jsonb DEFAULT '{"done":[],"waiting":{}}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_tasks" ADD CONSTRAINT "approval_tasks_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_tasks" ADD CONSTRAINT "approval_tasks_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_tasks" ADD CONSTRAINT "approval_tasks_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_distribution_rows" ADD CONSTRAINT "data_distribution_rows_distribution_id_data_distributions_id_fk" FOREIGN KEY ("distribution_id") REFERENCES "public"."data_distributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_distribution_rows" ADD CONSTRAINT "data_distribution_rows_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_approvals" ADD CONSTRAINT "delivery_approvals_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_approvals" ADD CONSTRAINT "delivery_approvals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_files" ADD CONSTRAINT "delivery_files_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_files" ADD CONSTRAINT "delivery_files_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_messages" ADD CONSTRAINT "delivery_messages_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_messages" ADD CONSTRAINT "delivery_messages_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_messages" ADD CONSTRAINT "delivery_messages_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_targets" ADD CONSTRAINT "workflow_targets_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_targets" ADD CONSTRAINT "workflow_targets_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_targets" ADD CONSTRAINT "workflow_targets_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_categories" ADD CONSTRAINT "cost_categories_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_structures" ADD CONSTRAINT "cost_structures_category_id_cost_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."cost_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_tasks_entity_idx" ON "approval_tasks" USING btree ("entity_id","status");--> statement-breakpoint
CREATE INDEX "delivery_messages_status_idx" ON "delivery_messages" USING btree ("delivery_id","status");--> statement-breakpoint
CREATE INDEX "delivery_messages_pressure_idx" ON "delivery_messages" USING btree ("contact_id","sent_at") WHERE "delivery_messages"."sent_at" is not null;--> statement-breakpoint
CREATE INDEX "workflow_targets_entity_idx" ON "workflow_targets" USING btree ("workflow_id","entity_id");--> statement-breakpoint
CREATE INDEX "cost_categories_provider_idx" ON "cost_categories" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "cost_structures_category_idx" ON "cost_structures" USING btree ("category_id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_occurrence_of_campaigns_id_fk" FOREIGN KEY ("occurrence_of") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_occurrence_uq" UNIQUE("occurrence_of","occurrence_at");