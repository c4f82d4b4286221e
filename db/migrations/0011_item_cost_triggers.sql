-- A delivery's or task's cost inputs, and the cost structures they use, are cost inputs of their
-- campaign too: stamp it so budgetMgt's next incremental run recomputes it.
CREATE FUNCTION dm_item_cost_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE campaigns SET cost_changed_at = now() WHERE id IN (NEW.campaign_id, OLD.campaign_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER deliveries_cost_added AFTER INSERT OR DELETE ON deliveries FOR EACH ROW EXECUTE FUNCTION dm_item_cost_changed();
--> statement-breakpoint
CREATE TRIGGER deliveries_cost_changed AFTER UPDATE ON deliveries FOR EACH ROW
  WHEN ((OLD.label, OLD.status, OLD.cost_category_id, OLD.provisional_cost, OLD.real_cost, OLD.targeted_count, OLD.campaign_id)
    IS DISTINCT FROM (NEW.label, NEW.status, NEW.cost_category_id, NEW.provisional_cost, NEW.real_cost, NEW.targeted_count, NEW.campaign_id))
  EXECUTE FUNCTION dm_item_cost_changed();
--> statement-breakpoint
CREATE TRIGGER campaign_tasks_cost_added AFTER INSERT OR DELETE ON campaign_tasks FOR EACH ROW EXECUTE FUNCTION dm_item_cost_changed();
--> statement-breakpoint
CREATE TRIGGER campaign_tasks_cost_changed AFTER UPDATE ON campaign_tasks FOR EACH ROW
  WHEN ((OLD.label, OLD.status, OLD.days, OLD.cost_category_id, OLD.provisional_cost, OLD.real_cost, OLD.campaign_id)
    IS DISTINCT FROM (NEW.label, NEW.status, NEW.days, NEW.cost_category_id, NEW.provisional_cost, NEW.real_cost, NEW.campaign_id))
  EXECUTE FUNCTION dm_item_cost_changed();
--> statement-breakpoint
CREATE FUNCTION dm_cost_structures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE campaigns SET cost_changed_at = now()
  WHERE id IN (
    SELECT campaign_id FROM deliveries WHERE cost_category_id IN (SELECT category_id FROM changed_rows)
    UNION SELECT campaign_id FROM campaign_tasks WHERE cost_category_id IN (SELECT category_id FROM changed_rows)
  );
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cost_structures_inserted AFTER INSERT ON cost_structures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_cost_structures_changed();
--> statement-breakpoint
CREATE TRIGGER cost_structures_updated AFTER UPDATE ON cost_structures REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_cost_structures_changed();
--> statement-breakpoint
CREATE TRIGGER cost_structures_deleted AFTER DELETE ON cost_structures REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_cost_structures_changed();
