-- A service that starts or stops drawing on a stock line changes the consumption of every delivery
-- using it: stamp their campaigns, so stockMgt's and budgetMgt's incremental runs see them.
CREATE FUNCTION dm_cost_category_stock_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE campaigns SET cost_changed_at = now()
  WHERE id IN (SELECT campaign_id FROM deliveries WHERE cost_category_id = NEW.id UNION SELECT campaign_id FROM campaign_tasks WHERE cost_category_id = NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cost_categories_stock_changed AFTER UPDATE OF stock_line_id ON cost_categories FOR EACH ROW
  WHEN (OLD.stock_line_id IS DISTINCT FROM NEW.stock_line_id) EXECUTE FUNCTION dm_cost_category_stock_changed();
