ALTER TABLE "workflows" ADD COLUMN "pending_command" text;--> statement-breakpoint
ALTER TABLE "workflows" ADD COLUMN "populations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "workflows_pending_idx" ON "workflows" USING btree ("pending_command") WHERE "workflows"."pending_command" is not null;