-- budgetMgt's incremental runs start from campaigns.cost_changed_at: every change a campaign's
-- calculated cost or its budget's figures depend on stamps it here, whoever makes the change.
CREATE FUNCTION dm_campaign_cost_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.status, OLD.program_id, OLD.budget_id, OLD.budget_process, OLD.commitment_level, OLD.provisional_cost, OLD.real_cost)
     IS DISTINCT FROM (NEW.status, NEW.program_id, NEW.budget_id, NEW.budget_process, NEW.commitment_level, NEW.provisional_cost, NEW.real_cost) THEN
    NEW.cost_changed_at := now();
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER campaigns_cost_changed BEFORE UPDATE ON campaigns FOR EACH ROW EXECUTE FUNCTION dm_campaign_cost_changed();
--> statement-breakpoint
CREATE FUNCTION dm_expense_lines_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE campaigns SET cost_changed_at = now() WHERE id IN (SELECT DISTINCT campaign_id FROM new_rows);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE campaigns SET cost_changed_at = now() WHERE id IN (SELECT campaign_id FROM new_rows UNION SELECT campaign_id FROM old_rows);
  ELSE
    UPDATE campaigns SET cost_changed_at = now() WHERE id IN (SELECT DISTINCT campaign_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER expense_lines_inserted AFTER INSERT ON expense_lines REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_expense_lines_changed();
--> statement-breakpoint
CREATE TRIGGER expense_lines_updated AFTER UPDATE ON expense_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_expense_lines_changed();
--> statement-breakpoint
CREATE TRIGGER expense_lines_deleted AFTER DELETE ON expense_lines REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dm_expense_lines_changed();
--> statement-breakpoint
CREATE FUNCTION dm_invoice_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE campaigns SET cost_changed_at = now() WHERE id IN (NEW.campaign_id, OLD.campaign_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION dm_invoice_line_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE campaigns SET cost_changed_at = now() WHERE id IN (SELECT campaign_id FROM invoices WHERE id IN (NEW.invoice_id, OLD.invoice_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_changed AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION dm_invoice_changed();
--> statement-breakpoint
CREATE TRIGGER invoice_lines_changed AFTER INSERT OR UPDATE OR DELETE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION dm_invoice_line_changed();
--> statement-breakpoint
-- A program or plan that changes the budget it charges changes it for every campaign under it.
CREATE FUNCTION dm_program_budget_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'programs' THEN
    UPDATE campaigns SET cost_changed_at = now() WHERE program_id = NEW.id;
  ELSE
    UPDATE campaigns SET cost_changed_at = now() WHERE program_id IN (SELECT id FROM programs WHERE plan_id = NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER programs_budget_changed AFTER UPDATE OF budget_id, plan_id ON programs FOR EACH ROW WHEN (OLD.budget_id IS DISTINCT FROM NEW.budget_id OR OLD.plan_id IS DISTINCT FROM NEW.plan_id) EXECUTE FUNCTION dm_program_budget_changed();
--> statement-breakpoint
CREATE TRIGGER plans_budget_changed AFTER UPDATE OF budget_id ON plans FOR EACH ROW WHEN (OLD.budget_id IS DISTINCT FROM NEW.budget_id) EXECUTE FUNCTION dm_program_budget_changed();
