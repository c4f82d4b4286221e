DROP INDEX "stock_consumptions_line_idx";--> statement-breakpoint
ALTER TABLE "stock_lines" ADD COLUMN "figures_changed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "stock_consumptions_line_idx" ON "stock_consumptions" USING btree ("stock_line_id","quantity");--> statement-breakpoint
-- A delivery's consumption is written in the statement that inserts or changes the delivery, not
-- by stockMgt later: the stock a campaign takes is known at its commit, and a burst of deliveries
-- pays for its own rows (lib/stock/README.md). Statement-level, over the transition tables, so a
-- statement that writes a thousand deliveries writes their consumptions in one set-based upsert.
-- stockMgt's daily full run still reconciles.
CREATE FUNCTION dm_deliveries_consumption() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stock_consumptions (stock_line_id, delivery_id, campaign_id, quantity)
    SELECT cc.stock_line_id, d.id, d.campaign_id, d.targeted_count
    FROM new_rows d JOIN cost_categories cc ON cc.id = d.cost_category_id
    WHERE cc.stock_line_id IS NOT NULL AND d.targeted_count IS NOT NULL AND d.status <> 'canceled';
    RETURN NULL;
  END IF;
  -- UPDATE: only the deliveries whose consumption may have moved.
  DELETE FROM stock_consumptions sc
  USING new_rows d JOIN old_rows o ON o.id = d.id
  WHERE sc.delivery_id = d.id
    AND (o.status, o.cost_category_id, o.targeted_count, o.campaign_id) IS DISTINCT FROM (d.status, d.cost_category_id, d.targeted_count, d.campaign_id)
    AND NOT (d.targeted_count IS NOT NULL AND d.status <> 'canceled'
      AND EXISTS (SELECT 1 FROM cost_categories cc WHERE cc.id = d.cost_category_id AND cc.stock_line_id IS NOT NULL));
  INSERT INTO stock_consumptions (stock_line_id, delivery_id, campaign_id, quantity)
  SELECT cc.stock_line_id, d.id, d.campaign_id, d.targeted_count
  FROM new_rows d JOIN old_rows o ON o.id = d.id JOIN cost_categories cc ON cc.id = d.cost_category_id
  WHERE (o.status, o.cost_category_id, o.targeted_count, o.campaign_id) IS DISTINCT FROM (d.status, d.cost_category_id, d.targeted_count, d.campaign_id)
    AND cc.stock_line_id IS NOT NULL AND d.targeted_count IS NOT NULL AND d.status <> 'canceled'
  ON CONFLICT (delivery_id) DO UPDATE
    SET stock_line_id = excluded.stock_line_id, campaign_id = excluded.campaign_id, quantity = excluded.quantity, updated_at = now()
    WHERE (stock_consumptions.stock_line_id, stock_consumptions.campaign_id, stock_consumptions.quantity)
      IS DISTINCT FROM (excluded.stock_line_id, excluded.campaign_id, excluded.quantity);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER deliveries_consumption_insert AFTER INSERT ON deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_deliveries_consumption();
--> statement-breakpoint
CREATE TRIGGER deliveries_consumption_update AFTER UPDATE ON deliveries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_deliveries_consumption();
--> statement-breakpoint
-- A service that starts, stops or changes drawing on a stock line moves the consumption of every
-- delivery using it (and still stamps them, as migration 0013 did).
CREATE OR REPLACE FUNCTION dm_cost_category_stock_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE deliveries SET cost_changed_at = now() WHERE cost_category_id = NEW.id;
  IF NEW.stock_line_id IS NULL THEN
    DELETE FROM stock_consumptions sc USING deliveries d WHERE d.cost_category_id = NEW.id AND sc.delivery_id = d.id;
  ELSE
    INSERT INTO stock_consumptions (stock_line_id, delivery_id, campaign_id, quantity)
    SELECT NEW.stock_line_id, d.id, d.campaign_id, d.targeted_count FROM deliveries d
    WHERE d.cost_category_id = NEW.id AND d.targeted_count IS NOT NULL AND d.status <> 'canceled'
    ON CONFLICT (delivery_id) DO UPDATE
      SET stock_line_id = excluded.stock_line_id, campaign_id = excluded.campaign_id, quantity = excluded.quantity, updated_at = now()
      WHERE (stock_consumptions.stock_line_id, stock_consumptions.campaign_id, stock_consumptions.quantity)
        IS DISTINCT FROM (excluded.stock_line_id, excluded.campaign_id, excluded.quantity);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The lines whose consumptions changed are stamped once per statement (transition tables), so a
-- burst of a thousand deliveries updates each of its lines once, not a thousand times.
CREATE FUNCTION dm_stock_line_stamp_from_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE stock_lines SET figures_changed_at = now()
    WHERE id IN (SELECT stock_line_id FROM new_rows) AND figures_changed_at IS DISTINCT FROM now();
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE stock_lines SET figures_changed_at = now()
    WHERE id IN (SELECT stock_line_id FROM old_rows) AND figures_changed_at IS DISTINCT FROM now();
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stock_consumptions_stamp_insert AFTER INSERT ON stock_consumptions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_stock_line_stamp_from_rows();
--> statement-breakpoint
CREATE TRIGGER stock_consumptions_stamp_update AFTER UPDATE ON stock_consumptions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_stock_line_stamp_from_rows();
--> statement-breakpoint
CREATE TRIGGER stock_consumptions_stamp_delete AFTER DELETE ON stock_consumptions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_stock_line_stamp_from_rows();
--> statement-breakpoint
CREATE FUNCTION dm_stock_line_stamp_self() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.figures_changed_at := now();
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER stock_lines_stamp BEFORE UPDATE OF initial_stock ON stock_lines FOR EACH ROW
  WHEN (OLD.initial_stock IS DISTINCT FROM NEW.initial_stock) EXECUTE FUNCTION dm_stock_line_stamp_self();
--> statement-breakpoint
-- Lines recorded before this migration are stamped: the next incremental run re-adds each once.
UPDATE stock_lines SET figures_changed_at = now();
