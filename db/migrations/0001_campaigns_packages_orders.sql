CREATE TYPE "public"."campaign_status" AS ENUM('being_edited', 'to_validate', 'started', 'finished', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."campaign_type" AS ENUM('unique', 'recurring', 'periodic');--> statement-breakpoint
CREATE TYPE "public"."collaborative_type" AS ENUM('simple', 'by_form', 'by_campaign', 'by_target_approval');--> statement-breakpoint
CREATE TYPE "public"."delivery_channel" AS ENUM('email', 'direct_mail');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('being_edited', 'to_validate', 'pending_confirmation', 'start_pending', 'in_progress', 'finished', 'stopped', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."distribution_level" AS ENUM('local', 'collaborative');--> statement-breakpoint
CREATE TYPE "public"."web_interface_type" AS ENUM('preset', 'by_brief', 'by_form');--> statement-breakpoint
CREATE TYPE "public"."workflow_status" AS ENUM('being_edited', 'start_pending', 'started', 'paused', 'finished', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('ordered', 'approved', 'available', 'rejected', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."approval_mode" AS ENUM('manual', 'automatic');--> statement-breakpoint
CREATE TYPE "public"."package_kind" AS ENUM('local', 'collaborative');--> statement-breakpoint
CREATE TYPE "public"."package_status" AS ENUM('being_edited', 'pending_approval', 'approved', 'published', 'rejected', 'canceled');--> statement-breakpoint
ALTER TYPE "public"."token_purpose" ADD VALUE 'package_review';--> statement-breakpoint
CREATE TABLE "campaign_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"internal_name" text NOT NULL,
	"distribution_level" "distribution_level" NOT NULL,
	"collaborative_type" "collaborative_type",
	"web_interface_type" "web_interface_type" DEFAULT 'preset' NOT NULL,
	"personalization_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"max_reviewers" integer DEFAULT 0 NOT NULL,
	"max_documents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_templates_internal_name_unique" UNIQUE("internal_name")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"internal_name" text NOT NULL,
	"program_id" uuid,
	"template_id" uuid,
	"manager_id" uuid,
	"start_date" timestamp with time zone,
	"end_date" timestamp with time zone,
	"type" "campaign_type" DEFAULT 'unique' NOT NULL,
	"status" "campaign_status" DEFAULT 'being_edited' NOT NULL,
	"entity_id" uuid,
	"parent_campaign_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_internal_name_unique" UNIQUE("internal_name")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"workflow_id" uuid,
	"label" text NOT NULL,
	"channel" "delivery_channel" DEFAULT 'email' NOT NULL,
	"status" "delivery_status" DEFAULT 'being_edited' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"label" text NOT NULL,
	"status" "workflow_status" DEFAULT 'being_edited' NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"label" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "order_status" DEFAULT 'ordered' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_comment" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "package_audience" (
	"package_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	CONSTRAINT "package_audience_package_id_entity_id_pk" PRIMARY KEY("package_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "package_cascades" (
	"package_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"orders_canceled" integer DEFAULT 0 NOT NULL,
	"entities_notified" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "package_cascades_package_id_revision_pk" PRIMARY KEY("package_id","revision")
);
--> statement-breakpoint
CREATE TABLE "package_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "package_journal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "package_reviewers" (
	"package_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "package_reviewers_package_id_user_id_pk" PRIMARY KEY("package_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "package_kind" NOT NULL,
	"label" text NOT NULL,
	"internal_name" text NOT NULL,
	"folder" text DEFAULT '' NOT NULL,
	"reference_campaign_id" uuid NOT NULL,
	"assigned_to_id" uuid,
	"description" text DEFAULT '' NOT NULL,
	"message_for_entities" text DEFAULT '' NOT NULL,
	"send_notification_on_publication" boolean DEFAULT true NOT NULL,
	"limit_to_audience" boolean DEFAULT false NOT NULL,
	"approval_mode" "approval_mode" DEFAULT 'manual' NOT NULL,
	"enable_multiple_creation" boolean DEFAULT false NOT NULL,
	"start_targeting_with_approval" boolean DEFAULT false NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"registration_deadline" timestamp with time zone,
	"personalization_deadline" timestamp with time zone,
	"approval_delay_days" integer DEFAULT 3 NOT NULL,
	"reminder_days_before" integer[] DEFAULT '{1}' NOT NULL,
	"approval_deadline" timestamp with time zone,
	"status" "package_status" DEFAULT 'being_edited' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"rejection_comment" text,
	"cancel_comment" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packages_internal_name_unique" UNIQUE("internal_name")
);
--> statement-breakpoint
ALTER TABLE "action_tokens" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_template_id_campaign_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."campaign_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_parent_campaign_id_campaigns_id_fk" FOREIGN KEY ("parent_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflows" ADD CONSTRAINT "workflows_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_audience" ADD CONSTRAINT "package_audience_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_audience" ADD CONSTRAINT "package_audience_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_cascades" ADD CONSTRAINT "package_cascades_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_documents" ADD CONSTRAINT "package_documents_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_journal" ADD CONSTRAINT "package_journal_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_journal" ADD CONSTRAINT "package_journal_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_reviewers" ADD CONSTRAINT "package_reviewers_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_reviewers" ADD CONSTRAINT "package_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_reference_campaign_id_campaigns_id_fk" FOREIGN KEY ("reference_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_entity_idx" ON "campaigns" USING btree ("entity_id","created_at");--> statement-breakpoint
CREATE INDEX "campaigns_parent_idx" ON "campaigns" USING btree ("parent_campaign_id");--> statement-breakpoint
CREATE INDEX "deliveries_campaign_idx" ON "deliveries" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "workflows_campaign_idx" ON "workflows" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "orders_package_status_idx" ON "orders" USING btree ("package_id","status");--> statement-breakpoint
CREATE INDEX "orders_entity_created_idx" ON "orders" USING btree ("entity_id","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "package_audience_entity_idx" ON "package_audience" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "package_journal_package_idx" ON "package_journal" USING btree ("package_id","at");--> statement-breakpoint
CREATE INDEX "packages_status_created_idx" ON "packages" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "packages_created_idx" ON "packages" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "packages_reference_idx" ON "packages" USING btree ("reference_campaign_id");