-- The search's trigram indexes below need pg_trgm (shipped with PostgreSQL's contrib modules).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "package_status_counts" (
	"status" "package_status" PRIMARY KEY NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "packages_reference_idx";--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "reference_label" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "packages_label_idx" ON "packages" USING btree ("label","id");--> statement-breakpoint
CREATE INDEX "packages_kind_idx" ON "packages" USING btree ("kind","id");--> statement-breakpoint
CREATE INDEX "packages_folder_idx" ON "packages" USING btree ("folder","id");--> statement-breakpoint
CREATE INDEX "packages_reference_label_idx" ON "packages" USING btree ("reference_label","id");--> statement-breakpoint
CREATE INDEX "packages_status_idx" ON "packages" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "packages_start_idx" ON "packages" USING btree ("start_at","id");--> statement-breakpoint
CREATE INDEX "packages_kind_start_idx" ON "packages" USING btree ("kind","start_at");--> statement-breakpoint
CREATE INDEX "packages_end_idx" ON "packages" USING btree ("end_at","id");--> statement-breakpoint
CREATE INDEX "packages_available_idx" ON "packages" USING btree ("available_at","id");--> statement-breakpoint
CREATE INDEX "packages_status_changed_idx" ON "packages" USING btree ("status_changed_at","id");--> statement-breakpoint
CREATE INDEX "packages_label_trgm_idx" ON "packages" USING gin ("label" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "packages_internal_name_trgm_idx" ON "packages" USING gin ("internal_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "packages_pending_deadline_idx" ON "packages" USING btree ("approval_deadline") WHERE "packages"."status" = 'pending_approval';--> statement-breakpoint
CREATE INDEX "packages_approved_available_idx" ON "packages" USING btree ("available_at") WHERE "packages"."status" = 'approved';--> statement-breakpoint
CREATE INDEX "packages_published_end_idx" ON "packages" USING btree ("end_at") WHERE "packages"."status" = 'published';--> statement-breakpoint
CREATE INDEX "packages_reference_idx" ON "packages" USING btree ("reference_campaign_id","created_at","id");