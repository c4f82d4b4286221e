ALTER TABLE "campaigns" ADD COLUMN "charged_planned" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "charged_reserved" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "charged_committed" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "charged_spent" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "charged_invoiced" numeric(16, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
CREATE INDEX "campaigns_program_idx" ON "campaigns" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "deliveries_cost_category_idx" ON "deliveries" USING btree ("cost_category_id") WHERE "deliveries"."cost_category_id" is not null;--> statement-breakpoint
CREATE INDEX "campaign_tasks_cost_category_idx" ON "campaign_tasks" USING btree ("cost_category_id") WHERE "campaign_tasks"."cost_category_id" is not null;