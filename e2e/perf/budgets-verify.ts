import type postgres from "postgres";

// "Totals exact to the cent" (B6): every budget's figures recomputed from the raw rows by one
// hand-written statement that shares nothing with lib/budgets — items priced from their cost
// structures in SQL (tiers read from the jsonb), manual lines read as they are, campaigns costed
// and charged by the rules of lib/budgets/README.md, budgets summed over their subtree — then
// compared with what budgetMgt stored, column by column, as numerics and as text at the stored
// scale (4 decimals).

const COLUMNS = ["planned", "reserved", "committed", "spent", "invoiced"] as const;

// An item's calculated cost: real ?? (count known and a category ? Σ structures(count) : provisional).
// tierFor: the first tier whose upTo is null or ≥ the count, else the last one.
const INDEPENDENT = `
  with recursive items as (
    select 'delivery' as kind, d.id, d.campaign_id, d.cost_category_id as category_id, d.targeted_count as n,
      d.provisional_cost as provisional, d.real_cost as real
    from deliveries d
    union all
    select 'task', t.id, t.campaign_id, t.cost_category_id, case when t.status = 'finished' then t.days end, t.provisional_cost, t.real_cost
    from campaign_tasks t
  ), priced as (
    select i.kind, i.id, i.campaign_id, i.real,
      case when i.real is not null then i.real
           when i.n is null or i.category_id is null then i.provisional
           else coalesce((
             select sum(case s.kind
                 when 'fixed' then s.amount
                 when 'linear' then s.amount * case when s.batch_size is null then i.n else ceil(i.n::numeric / s.batch_size) end
                 when 'linear_threshold' then coalesce(tier.price, 0) * i.n
                 when 'constant_threshold' then coalesce(tier.price, 0)
               end)
             from cost_structures s
             left join lateral (
               select (e ->> 'price')::numeric as price
               from jsonb_array_elements(s.tiers) with ordinality as x(e, ord)
               order by (e ->> 'upTo' is null or i.n <= (e ->> 'upTo')::int) desc,
                 case when e ->> 'upTo' is null or i.n <= (e ->> 'upTo')::int then ord else -ord end
               limit 1
             ) tier on true
             where s.category_id = i.category_id), 0)
      end as cost
    from items i
  ), lines as (
    select campaign_id, amount, real_amount from expense_lines where delivery_id is null and task_id is null
    union all
    select campaign_id, cost, real from priced
  ), by_campaign as (
    select campaign_id, sum(coalesce(real_amount, amount)) as total,
      coalesce(sum(amount) filter (where real_amount is null), 0) as open, coalesce(sum(real_amount), 0) as real
    from lines group by campaign_id
  ), paid as (
    select i.campaign_id, sum(il.amount) as invoiced
    from invoices i join invoice_lines il on il.invoice_id = i.id where i.status = 'paid' group by i.campaign_id
  ), campaign_figures as (
    select c.id, coalesce(c.budget_id, p.budget_id, pl.budget_id) as charged, c.commitment_level as level,
      c.budget_process = 'defined' as defined,
      case when c.real_cost is not null then 'real' when c.status in ('being_edited', 'to_validate') then 'provisional' else 'lines' end as source,
      c.real_cost, c.provisional_cost, coalesce(bc.total, 0) as total, coalesce(bc.open, 0) as open, coalesce(bc.real, 0) as real,
      coalesce(paid.invoiced, 0) as invoiced
    from campaigns c
    left join programs p on p.id = c.program_id
    left join plans pl on pl.id = p.plan_id
    left join by_campaign bc on bc.campaign_id = c.id
    left join paid on paid.campaign_id = c.id
  ), charged as (
    select id, charged, level, invoiced,
      case source when 'real' then real_cost when 'provisional' then provisional_cost else total end as calculated,
      case when not defined then 0 when source = 'real' then real_cost when source = 'lines' then real else 0 end as spent,
      case when not defined or source = 'real' then 0 when source = 'provisional' then provisional_cost else open end as engaged
    from campaign_figures
  ), own as (
    select b.id,
      coalesce(sum(c.engaged) filter (where c.level = 'planned'), 0) as planned,
      coalesce(sum(c.engaged) filter (where c.level = 'reserved'), 0) as reserved,
      coalesce(sum(c.engaged) filter (where c.level = 'committed'), 0) as committed,
      coalesce(sum(c.spent), 0) as spent, coalesce(sum(c.invoiced), 0) as invoiced
    from budgets b left join charged c on c.charged = b.id
    group by b.id
  ), subtree (top, id) as (
    select id, id from budgets
    union all
    select s.top, b.id from subtree s join budgets b on b.parent_id = s.id
  ), total as (
    select s.top as id, ${COLUMNS.map((c) => `sum(o.${c}) as ${c}`).join(", ")}
    from subtree s join own o on o.id = s.id group by s.top
  )`;

export type Mismatch = { budget: string; column: string; stored: string; independent: string };

export type Verification = {
  budgets: number;
  /** Budgets with at least one of the 10 figures different (numerically, or as text at scale 4). */
  mismatches: number;
  sample: Mismatch[];
  /** Campaigns whose stored calculated cost differs from the independent one. */
  campaignMismatches: number;
  /** Priced deliveries and tasks whose generated line is missing or holds another amount. */
  lineMismatches: number;
  /** Σ of the root budgets' figures, stored and independent, as text. */
  roots: { column: string; stored: string; independent: string }[];
  ms: number;
};

export async function verifyBudgets(sql: postgres.Sql): Promise<Verification> {
  const t0 = performance.now();
  const cols = COLUMNS.flatMap((c) => [
    [`own_${c}`, `o.${c}`],
    [c, `t.${c}`],
  ]);
  const rows = await sql.unsafe(`${INDEPENDENT}
    select b.label, ${cols.map(([stored, ind]) => `b.${stored}::text as "s_${stored}", round(${ind}, 4)::text as "i_${stored}", b.${stored} = ${ind} as "eq_${stored}"`).join(", ")}
    from budgets b join own o on o.id = b.id join total t on t.id = b.id
    order by b.label`);
  const sample: Mismatch[] = [];
  let mismatches = 0;
  for (const r of rows) {
    const bad = cols.filter(([c]) => !r[`eq_${c}`] || r[`s_${c}`] !== r[`i_${c}`]);
    if (bad.length) mismatches++;
    for (const [c] of bad) if (sample.length < 10) sample.push({ budget: r.label, column: c!, stored: r[`s_${c}`], independent: r[`i_${c}`] });
  }
  const [roots] = await sql.unsafe(`${INDEPENDENT}
    select ${COLUMNS.map((c) => `sum(b.${c})::text as "s_${c}", round(sum(t.${c}), 4)::text as "i_${c}"`).join(", ")}
    from budgets b join total t on t.id = b.id where b.parent_id is null`);
  const [others] = await sql.unsafe(`${INDEPENDENT}
    select
      (select count(*)::int from campaigns c join charged x on x.id = c.id where c.calculated_cost <> x.calculated) as campaigns,
      (select count(*)::int from priced p
         left join expense_lines ld on p.kind = 'delivery' and ld.delivery_id = p.id
         left join expense_lines lt on p.kind = 'task' and lt.task_id = p.id
         where (p.cost <> 0 or p.real is not null)
           and (coalesce(ld.id, lt.id) is null or coalesce(ld.amount, lt.amount) <> p.cost
             or coalesce(ld.real_amount, lt.real_amount) is distinct from p.real)) as lines`);
  return {
    budgets: rows.length,
    mismatches,
    sample,
    campaignMismatches: others!.campaigns,
    lineMismatches: others!.lines,
    roots: COLUMNS.map((c) => ({ column: c, stored: roots![`s_${c}`], independent: roots![`i_${c}`] })),
    ms: performance.now() - t0,
  };
}
