CREATE TYPE "public"."budget_process_status" AS ENUM('being_edited', 'defined');--> statement-breakpoint
CREATE TYPE "public"."commitment_level" AS ENUM('planned', 'reserved', 'committed');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('received', 'approved', 'paid');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('planned', 'in_progress', 'finished');--> statement-breakpoint
CREATE TABLE "budget_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"label" text NOT NULL,
	"allocated" numeric(16, 2) DEFAULT '0' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"parent_id" uuid,
	"period_start" date,
	"period_end" date,
	"allocated" numeric(16, 2) DEFAULT '0' NOT NULL,
	"own_planned" numeric(16, 4) DEFAULT '0' NOT NULL,
	"own_reserved" numeric(16, 4) DEFAULT '0' NOT NULL,
	"own_committed" numeric(16, 4) DEFAULT '0' NOT NULL,
	"own_spent" numeric(16, 4) DEFAULT '0' NOT NULL,
	"own_invoiced" numeric(16, 4) DEFAULT '0' NOT NULL,
	"planned" numeric(16, 4) DEFAULT '0' NOT NULL,
	"reserved" numeric(16, 4) DEFAULT '0' NOT NULL,
	"committed" numeric(16, 4) DEFAULT '0' NOT NULL,
	"spent" numeric(16, 4) DEFAULT '0' NOT NULL,
	"invoiced" numeric(16, 4) DEFAULT '0' NOT NULL,
	"computed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"label" text NOT NULL,
	"status" "task_status" DEFAULT 'planned' NOT NULL,
	"days" integer DEFAULT 0 NOT NULL,
	"provider_id" uuid,
	"cost_category_id" uuid,
	"provisional_cost" numeric(16, 4) DEFAULT '0' NOT NULL,
	"calculated_cost" numeric(16, 4) DEFAULT '0' NOT NULL,
	"real_cost" numeric(16, 4),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expense_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"delivery_id" uuid,
	"task_id" uuid,
	"budget_category_id" uuid,
	"label" text NOT NULL,
	"amount" numeric(16, 4) DEFAULT '0' NOT NULL,
	"real_amount" numeric(16, 4),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expense_lines_delivery_id_unique" UNIQUE("delivery_id"),
	CONSTRAINT "expense_lines_task_id_unique" UNIQUE("task_id")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"expense_line_id" uuid,
	"label" text NOT NULL,
	"amount" numeric(16, 4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"provider_id" uuid,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"status" "invoice_status" DEFAULT 'received' NOT NULL,
	"paid_on" date,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_consumptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stock_line_id" uuid NOT NULL,
	"delivery_id" uuid,
	"campaign_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_consumptions_delivery_id_unique" UNIQUE("delivery_id")
);
--> statement-breakpoint
CREATE TABLE "stock_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource" text NOT NULL,
	"provider_id" uuid,
	"initial_stock" integer DEFAULT 0 NOT NULL,
	"alert_level" integer DEFAULT 0 NOT NULL,
	"manager_ids" uuid[] DEFAULT '{}' NOT NULL,
	"ordered" integer DEFAULT 0 NOT NULL,
	"consumed" integer DEFAULT 0 NOT NULL,
	"in_stock" integer DEFAULT 0 NOT NULL,
	"alert_since" timestamp with time zone,
	"alert_count" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stock_line_id" uuid NOT NULL,
	"volume" integer NOT NULL,
	"delivery_date" date NOT NULL,
	"added_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "budget_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "budget_category_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "budget_process" "budget_process_status" DEFAULT 'being_edited' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "commitment_level" "commitment_level" DEFAULT 'planned' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "provisional_cost" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "calculated_cost" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "real_cost" numeric(16, 4);--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "charged_budget_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "cost_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "cost_category_id" uuid;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "provisional_cost" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "calculated_cost" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "targeted_count" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "budget_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "calculated_cost" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "budget_id" uuid;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "calculated_cost" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "planned" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "reserved" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "committed" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "spent" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "cost_categories" ADD COLUMN "stock_line_id" uuid;--> statement-breakpoint
ALTER TABLE "budget_categories" ADD CONSTRAINT "budget_categories_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_parent_id_budgets_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."budgets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_tasks" ADD CONSTRAINT "campaign_tasks_cost_category_id_cost_categories_id_fk" FOREIGN KEY ("cost_category_id") REFERENCES "public"."cost_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_task_id_campaign_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."campaign_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expense_lines" ADD CONSTRAINT "expense_lines_budget_category_id_budget_categories_id_fk" FOREIGN KEY ("budget_category_id") REFERENCES "public"."budget_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_expense_line_id_expense_lines_id_fk" FOREIGN KEY ("expense_line_id") REFERENCES "public"."expense_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_consumptions" ADD CONSTRAINT "stock_consumptions_stock_line_id_stock_lines_id_fk" FOREIGN KEY ("stock_line_id") REFERENCES "public"."stock_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_consumptions" ADD CONSTRAINT "stock_consumptions_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_consumptions" ADD CONSTRAINT "stock_consumptions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_lines" ADD CONSTRAINT "stock_lines_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_orders" ADD CONSTRAINT "stock_orders_stock_line_id_stock_lines_id_fk" FOREIGN KEY ("stock_line_id") REFERENCES "public"."stock_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_categories_budget_idx" ON "budget_categories" USING btree ("budget_id");--> statement-breakpoint
CREATE INDEX "budgets_parent_idx" ON "budgets" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "campaign_tasks_campaign_idx" ON "campaign_tasks" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "expense_lines_campaign_idx" ON "expense_lines" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "expense_lines_updated_idx" ON "expense_lines" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_campaign_idx" ON "invoices" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "stock_consumptions_line_idx" ON "stock_consumptions" USING btree ("stock_line_id");--> statement-breakpoint
CREATE INDEX "stock_consumptions_campaign_idx" ON "stock_consumptions" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "stock_orders_line_idx" ON "stock_orders" USING btree ("stock_line_id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_budget_category_id_budget_categories_id_fk" FOREIGN KEY ("budget_category_id") REFERENCES "public"."budget_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_charged_budget_id_budgets_id_fk" FOREIGN KEY ("charged_budget_id") REFERENCES "public"."budgets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_cost_category_id_cost_categories_id_fk" FOREIGN KEY ("cost_category_id") REFERENCES "public"."cost_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_budget_id_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."budgets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_categories" ADD CONSTRAINT "cost_categories_stock_line_id_stock_lines_id_fk" FOREIGN KEY ("stock_line_id") REFERENCES "public"."stock_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_charged_budget_idx" ON "campaigns" USING btree ("charged_budget_id");--> statement-breakpoint
CREATE INDEX "campaigns_cost_changed_idx" ON "campaigns" USING btree ("cost_changed_at");