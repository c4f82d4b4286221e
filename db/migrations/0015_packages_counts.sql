-- packages.reference_label copies the reference campaign's label, so that the list sorts and
-- pages by it through packages_reference_label_idx. The package takes it when it is written…
UPDATE packages p SET reference_label = c.label FROM campaigns c WHERE c.id = p.reference_campaign_id;
--> statement-breakpoint
CREATE FUNCTION dm_package_reference_label() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A missing campaign leaves '' so that the foreign key, not NOT NULL, reports the error.
  NEW.reference_label := coalesce((SELECT label FROM campaigns WHERE id = NEW.reference_campaign_id), '');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER packages_reference_label BEFORE INSERT OR UPDATE OF reference_campaign_id, reference_label ON packages
  FOR EACH ROW EXECUTE FUNCTION dm_package_reference_label();
--> statement-breakpoint
-- …and again when the campaign is renamed.
CREATE FUNCTION dm_campaign_label_to_packages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE packages SET reference_label = NEW.label WHERE reference_campaign_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER campaigns_label_to_packages AFTER UPDATE OF label ON campaigns
  FOR EACH ROW WHEN (OLD.label IS DISTINCT FROM NEW.label) EXECUTE FUNCTION dm_campaign_label_to_packages();
--> statement-breakpoint
-- package_status_counts holds the exact number of packages in each status: the list's quick links
-- and chart read six rows instead of counting every package on each visit. Every statement that
-- adds, removes or moves packages applies its net change once, in its own transaction, from the
-- transition tables. Counters are upserted in status order, so two transactions lock them in the
-- same order and cannot deadlock on them.
INSERT INTO package_status_counts (status, count)
SELECT s, (SELECT count(*) FROM packages p WHERE p.status = s) FROM unnest(enum_range(NULL::package_status)) s;
--> statement-breakpoint
CREATE FUNCTION dm_package_status_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO package_status_counts AS c (status, count)
    SELECT status, count(*) FROM new_rows GROUP BY status ORDER BY status
    ON CONFLICT (status) DO UPDATE SET count = c.count + excluded.count;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO package_status_counts AS c (status, count)
    SELECT status, sum(d) FROM (SELECT status, 1 AS d FROM new_rows UNION ALL SELECT status, -1 FROM old_rows) moved
    GROUP BY status HAVING sum(d) <> 0 ORDER BY status
    ON CONFLICT (status) DO UPDATE SET count = c.count + excluded.count;
  ELSE
    INSERT INTO package_status_counts AS c (status, count)
    SELECT status, -count(*) FROM old_rows GROUP BY status ORDER BY status
    ON CONFLICT (status) DO UPDATE SET count = c.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER packages_counts_inserted AFTER INSERT ON packages REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dm_package_status_counts();
--> statement-breakpoint
CREATE TRIGGER packages_counts_updated AFTER UPDATE ON packages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dm_package_status_counts();
--> statement-breakpoint
CREATE TRIGGER packages_counts_deleted AFTER DELETE ON packages REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dm_package_status_counts();
--> statement-breakpoint
CREATE FUNCTION dm_package_status_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE package_status_counts SET count = 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER packages_counts_truncated AFTER TRUNCATE ON packages
  FOR EACH STATEMENT EXECUTE FUNCTION dm_package_status_counts_truncated();
