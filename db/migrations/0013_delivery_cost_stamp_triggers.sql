-- A delivery stamps itself when what it consumes from stock may change; stockMgt's incremental
-- runs reconcile only the deliveries stamped since their watermark.
CREATE FUNCTION dm_delivery_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.cost_changed_at := now();
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER deliveries_stamp BEFORE UPDATE ON deliveries FOR EACH ROW
  WHEN ((OLD.status, OLD.cost_category_id, OLD.targeted_count, OLD.campaign_id) IS DISTINCT FROM (NEW.status, NEW.cost_category_id, NEW.targeted_count, NEW.campaign_id))
  EXECUTE FUNCTION dm_delivery_stamp();
--> statement-breakpoint
-- A service that starts or stops drawing on a stock line changes the consumption of every
-- delivery using it.
CREATE FUNCTION dm_cost_category_stock_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deliveries SET cost_changed_at = now() WHERE cost_category_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cost_categories_stock_changed AFTER UPDATE OF stock_line_id ON cost_categories FOR EACH ROW
  WHEN (OLD.stock_line_id IS DISTINCT FROM NEW.stock_line_id) EXECUTE FUNCTION dm_cost_category_stock_changed();
