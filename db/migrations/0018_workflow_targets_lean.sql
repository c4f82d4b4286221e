ALTER TABLE "workflow_targets" DROP CONSTRAINT "workflow_targets_workflow_id_workflows_id_fk";
--> statement-breakpoint
ALTER TABLE "workflow_targets" DROP CONSTRAINT "workflow_targets_contact_id_contacts_id_fk";
--> statement-breakpoint
ALTER TABLE "workflow_targets" DROP CONSTRAINT "workflow_targets_entity_id_entities_id_fk";
--> statement-breakpoint
DROP INDEX "workflow_targets_entity_idx";--> statement-breakpoint
ALTER TABLE "workflow_targets" DROP CONSTRAINT "workflow_targets_workflow_id_contact_id_pk";--> statement-breakpoint
ALTER TABLE "workflow_targets" ADD CONSTRAINT "workflow_targets_workflow_id_entity_id_contact_id_pk" PRIMARY KEY("workflow_id","entity_id","contact_id");--> statement-breakpoint
-- The cascades the foreign keys gave, as statement-level triggers: a delete pays for the targets it
-- removes, and the Query no longer pays a lock and a lookup per row it writes. Nothing in the app
-- deletes workflows, contacts or entities today; these keep a database tidied by hand consistent.
CREATE FUNCTION dm_workflow_targets_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'workflows' THEN
    DELETE FROM workflow_targets t USING old_rows o WHERE t.workflow_id = o.id;
  ELSIF TG_TABLE_NAME = 'entities' THEN
    DELETE FROM workflow_targets t USING old_rows o WHERE t.entity_id = o.id;
  ELSE
    -- The entity narrows the search (the primary key's second column).
    DELETE FROM workflow_targets t USING old_rows o WHERE t.entity_id = o.entity_id AND t.contact_id = o.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER workflows_targets_cascade AFTER DELETE ON workflows REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dm_workflow_targets_cascade();
--> statement-breakpoint
CREATE TRIGGER entities_targets_cascade AFTER DELETE ON entities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dm_workflow_targets_cascade();
--> statement-breakpoint
CREATE TRIGGER contacts_targets_cascade AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dm_workflow_targets_cascade();
