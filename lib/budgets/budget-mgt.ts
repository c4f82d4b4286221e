import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { technicalWorkflowRuns } from "@/db/schema";
import { uuidArray } from "@/lib/sql-arrays";
import { transactionWatermark } from "@/lib/technical/watermark";
import { recomputeItemCosts, syncGeneratedLines } from "./item-costs";

// budgetMgt, **Cost calculation** (§9, §10). Decisions in ./README.md.

export type BudgetMgtOptions = {
  /**
   * Recompute the campaigns stamped since this watermark (an earlier run's `watermark`); null or
   * absent = every campaign. Budgets and programs are always re-added from their campaigns.
   */
  since?: string | null;
  /** Limit the run to these campaigns (tests and benchmarks; the schedule never sets it). */
  campaignIds?: string[];
};

export type BudgetMgtResult = {
  itemsHandled: number;
  details: {
    mode: "full" | "incremental";
    watermark: string;
    campaignsExamined: number;
    deliveriesChanged: number;
    tasksChanged: number;
    linesChanged: number;
    campaignsChanged: number;
    programsChanged: number;
    plansChanged: number;
    budgetsChanged: number;
  };
};

/**
 * One run, in the caller's transaction:
 * 1. the campaigns to recompute: all, or those stamped (cost_changed_at) since the watermark;
 * 2. their deliveries' and tasks' calculated costs (cost structures applied in exact arithmetic);
 * 3. their generated expense lines;
 * 4. their calculated cost, charged budget and what they charge it, by bucket;
 * 5. every program's and plan's figures, and every budget's own and total figures, re-added from
 *    the campaigns (thousands of rows, not the million expense lines).
 * Every write is `where distinct`, so a second run changes nothing and says so.
 */
export async function runBudgetMgt(tx: Tx, opts: BudgetMgtOptions = {}): Promise<BudgetMgtResult> {
  // The schedule, a "run soon" and a Run now may overlap: one after the other, each run sees the
  // last one's writes and reports only its own changes.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('budgetMgt'))`);
  const watermark = await transactionWatermark(tx);
  const mode = opts.since ? "incremental" : "full";

  // A full run groups a million expense lines by campaign: with the default 4MB the hash spills
  // to disk (e2e/perf/RESULTS.md, B6).
  await tx.execute(sql`set local work_mem = '64MB'`);
  await tx.execute(sql`create temporary table dirty_campaigns (id uuid primary key) on commit drop`);
  await tx.execute(sql`
    insert into dirty_campaigns (id)
    select id from campaigns
    where ${opts.since ? sql`cost_changed_at >= ${opts.since}::timestamptz` : sql`true`}
      ${opts.campaignIds ? sql`and id = any(${uuidArray(opts.campaignIds)})` : sql``}`);
  await tx.execute(sql`analyze dirty_campaigns`);
  const [{ n: campaignsExamined } = { n: 0 }] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from dirty_campaigns`);

  const items = await recomputeItemCosts(tx);
  const linesChanged = await syncGeneratedLines(tx);
  const everyCampaign = !opts.since && !opts.campaignIds;
  // The budgets the dirty campaigns charged before this run and charge after it: only their own
  // figures can move. A full run re-adds every budget, so it needs no list.
  const chargedBudgets = sql`insert into touched_budgets select charged_budget_id from campaigns c join dirty_campaigns dc on dc.id = c.id
    where charged_budget_id is not null on conflict do nothing`;
  if (!everyCampaign) {
    await tx.execute(sql`create temporary table touched_budgets (id uuid primary key) on commit drop`);
    await tx.execute(chargedBudgets);
  }
  const campaignsChanged = await recomputeCampaigns(tx, everyCampaign);
  if (!everyCampaign) await tx.execute(chargedBudgets);
  const programsChanged = await recomputePrograms(tx);
  const plansChanged = await recomputePlans(tx);
  const budgetsChanged = await recomputeBudgets(tx, everyCampaign);

  const details = {
    mode,
    watermark,
    campaignsExamined,
    deliveriesChanged: items.deliveries,
    tasksChanged: items.tasks,
    linesChanged,
    campaignsChanged,
    programsChanged,
    plansChanged,
    budgetsChanged,
  } as const;
  const itemsHandled = items.deliveries + items.tasks + linesChanged + campaignsChanged + programsChanged + plansChanged + budgetsChanged;
  return { itemsHandled, details };
}

/**
 * A campaign's calculated cost: its real cost when entered; being edited or to validate, its
 * provisional cost; otherwise the sum of its expense lines (real amount when known). What it
 * charges its budget, only once Defined: real costs as Spent, the rest in the bucket of its
 * commitment level. Paid invoices are Invoiced whatever the process status.
 */
async function recomputeCampaigns(tx: Tx, everyCampaign: boolean): Promise<number> {
  // When every campaign is dirty, joining the lines to the dirty list filters nothing and costs a
  // hash join over every line.
  const dirtyOnly = (column: SQL) => (everyCampaign ? sql`` : sql`join dirty_campaigns dc on dc.id = ${column}`);
  const res = await tx.execute(sql`
    with lines as (
      -- Two sums, not three: a line's amount counts either open or at its real amount, so the
      -- total is their sum (numeric aggregation is most of a full run's time).
      select l.campaign_id,
        coalesce(sum(l.amount) filter (where l.real_amount is null), 0) as open,
        coalesce(sum(l.real_amount), 0) as real
      from expense_lines l ${dirtyOnly(sql.raw("l.campaign_id"))}
      group by l.campaign_id
    ), paid as (
      select i.campaign_id, sum(il.amount) as invoiced
      from invoices i ${dirtyOnly(sql.raw("i.campaign_id"))} join invoice_lines il on il.invoice_id = i.id
      where i.status = 'paid'
      group by i.campaign_id
    ), costed as (
      select c.id, c.commitment_level as level,
        coalesce(c.budget_id, p.budget_id, pl.budget_id) as charged,
        c.budget_process = 'defined' and coalesce(c.budget_id, p.budget_id, pl.budget_id) is not null as consolidates,
        case when c.real_cost is not null then 'real' when c.status in ('being_edited', 'to_validate') then 'provisional' else 'lines' end as source,
        c.real_cost, c.provisional_cost,
        coalesce(lines.open, 0) + coalesce(lines.real, 0) as total, coalesce(lines.open, 0) as open, coalesce(lines.real, 0) as real,
        coalesce(paid.invoiced, 0) as invoiced
      from campaigns c
      join dirty_campaigns dc on dc.id = c.id
      left join programs p on p.id = c.program_id
      left join plans pl on pl.id = p.plan_id
      left join lines on lines.campaign_id = c.id
      left join paid on paid.campaign_id = c.id
    ), figures as (
      select id, charged, invoiced,
        case source when 'real' then real_cost when 'provisional' then provisional_cost else total end as calculated,
        case when not consolidates then 0 when source = 'real' then real_cost when source = 'lines' then real else 0 end as spent,
        case when not consolidates or source = 'real' then 0 when source = 'provisional' then provisional_cost else open end as engaged,
        level
      from costed
    )
    update campaigns c set
      calculated_cost = f.calculated,
      charged_budget_id = f.charged,
      charged_planned = case when f.level = 'planned' then f.engaged else 0 end,
      charged_reserved = case when f.level = 'reserved' then f.engaged else 0 end,
      charged_committed = case when f.level = 'committed' then f.engaged else 0 end,
      charged_spent = f.spent,
      charged_invoiced = f.invoiced
    from figures f
    where c.id = f.id and (c.calculated_cost, c.charged_budget_id, c.charged_planned, c.charged_reserved, c.charged_committed, c.charged_spent, c.charged_invoiced)
      is distinct from (f.calculated, f.charged,
        case when f.level = 'planned' then f.engaged else 0 end, case when f.level = 'reserved' then f.engaged else 0 end,
        case when f.level = 'committed' then f.engaged else 0 end, f.spent, f.invoiced)`);
  return res.count;
}

/** A program's calculated cost and figures: the sums of its campaigns'. */
async function recomputePrograms(tx: Tx): Promise<number> {
  const res = await tx.execute(sql`
    with sums as (
      select p.id,
        coalesce(sum(c.calculated_cost), 0) as calculated, coalesce(sum(c.charged_planned), 0) as planned,
        coalesce(sum(c.charged_reserved), 0) as reserved, coalesce(sum(c.charged_committed), 0) as committed,
        coalesce(sum(c.charged_spent), 0) as spent
      from programs p left join campaigns c on c.program_id = p.id
      group by p.id
    )
    update programs p set calculated_cost = s.calculated, planned = s.planned, reserved = s.reserved, committed = s.committed, spent = s.spent
    from sums s
    where p.id = s.id and (p.calculated_cost, p.planned, p.reserved, p.committed, p.spent) is distinct from (s.calculated, s.planned, s.reserved, s.committed, s.spent)`);
  return res.count;
}

/** A plan's calculated cost: the sum of its programs'. */
async function recomputePlans(tx: Tx): Promise<number> {
  const res = await tx.execute(sql`
    with sums as (select pl.id, coalesce(sum(p.calculated_cost), 0) as calculated from plans pl left join programs p on p.plan_id = pl.id group by pl.id)
    update plans pl set calculated_cost = s.calculated from sums s where pl.id = s.id and pl.calculated_cost is distinct from s.calculated`);
  return res.count;
}

/**
 * A budget's own figures are the sums of the campaigns charging it (recomputed for the budgets the
 * dirty campaigns charged or charge, or all in a full run); its figures add those of every budget
 * below it (recomputed for all: a budget's parent may have changed, and there are few budgets).
 * computed_at moves only when a figure does, so it says when they last changed; the run history
 * says when they were last checked.
 */
async function recomputeBudgets(tx: Tx, everyBudget: boolean): Promise<number> {
  const own = await tx.execute(sql`
    with own as (
      select b.id,
        coalesce(sum(c.charged_planned), 0) as planned, coalesce(sum(c.charged_reserved), 0) as reserved,
        coalesce(sum(c.charged_committed), 0) as committed, coalesce(sum(c.charged_spent), 0) as spent,
        coalesce(sum(c.charged_invoiced), 0) as invoiced
      from budgets b left join campaigns c on c.charged_budget_id = b.id
      ${everyBudget ? sql`` : sql`where b.id in (select id from touched_budgets)`}
      group by b.id
    )
    update budgets b set own_planned = o.planned, own_reserved = o.reserved, own_committed = o.committed, own_spent = o.spent, own_invoiced = o.invoiced, computed_at = now()
    from own o
    where b.id = o.id
      and (b.own_planned, b.own_reserved, b.own_committed, b.own_spent, b.own_invoiced) is distinct from (o.planned, o.reserved, o.committed, o.spent, o.invoiced)
    returning b.id`);
  const totals = await tx.execute(sql`
    with recursive tree (ancestor, id, depth) as (
      select id, id, 0 from budgets
      union all
      select t.ancestor, b.id, t.depth + 1 from tree t join budgets b on b.parent_id = t.id where t.depth < 32
    ), totals as (
      select t.ancestor as id, sum(o.own_planned) as planned, sum(o.own_reserved) as reserved, sum(o.own_committed) as committed,
        sum(o.own_spent) as spent, sum(o.own_invoiced) as invoiced
      from tree t join budgets o on o.id = t.id
      group by t.ancestor
    )
    update budgets b set planned = t.planned, reserved = t.reserved, committed = t.committed, spent = t.spent, invoiced = t.invoiced, computed_at = now()
    from totals t
    where b.id = t.id and (b.planned, b.reserved, b.committed, b.spent, b.invoiced) is distinct from (t.planned, t.reserved, t.committed, t.spent, t.invoiced)
    returning b.id`);
  return new Set([...own, ...totals].map((r) => (r as { id: string }).id)).size;
}

/** When the figures were last brought up to date: the end of the last successful run. */
export async function lastCostCalculation(db: DbOrTx): Promise<Date | null> {
  const [row] = await db
    .select({ at: technicalWorkflowRuns.finishedAt })
    .from(technicalWorkflowRuns)
    .where(and(eq(technicalWorkflowRuns.workflowId, "budgetMgt"), eq(technicalWorkflowRuns.outcome, "succeeded")))
    .orderBy(desc(technicalWorkflowRuns.startedAt))
    .limit(1);
  return row?.at ?? null;
}
