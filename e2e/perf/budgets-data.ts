import type postgres from "postgres";

// Set-based generators for B6 (issue 7: budgetMgt over 1,000,000 expense lines): one INSERT …
// SELECT per table, hashint4 of the row number instead of random(), so every run builds the same
// data set. Loads run with session_replication_role = replica: foreign keys are satisfied by
// construction, and the cost-change triggers (migrations 0009, 0011) would only stamp campaigns
// that the first full run reads anyway.

export type B6Sizes = { campaigns: number; programs: number; plans: number; manualLines: number; deliveries: number; tasks: number; invoices: number };

/** Full scale: 10 roots × 9 children = 100 budgets, and 985,000 manual lines so that, with the
 * 15,000 lines the first run generates for the deliveries and tasks, expense_lines holds 1,000,000. */
export function b6Sizes(scale: number): B6Sizes {
  return {
    campaigns: 10_000 / scale,
    programs: 1_000 / scale,
    plans: Math.max(5, 50 / scale),
    manualLines: 985_000 / scale,
    deliveries: 10_000 / scale,
    tasks: 5_000 / scale,
    invoices: 2_500 / scale,
  };
}

export const ROOTS = 10;
export const CHILDREN_PER_ROOT = 9;

// Cost structures of the bench categories (§8), tiers included, as cost_structures rows.
type Structure = { kind: "fixed" | "linear" | "linear_threshold" | "constant_threshold"; amount?: string; batch?: number; tiers?: { upTo: number | null; price: string }[] };
const CATEGORIES: { label: string; channel: "email" | "direct_mail" | "task"; structures: Structure[] }[] = [
  { label: "Email by tier", channel: "email", structures: [{ kind: "linear_threshold", tiers: [{ upTo: 100, price: "0.13" }, { upTo: 1000, price: "0.12" }, { upTo: null, price: "0.11" }] }] },
  { label: "Email set-up + unit", channel: "email", structures: [{ kind: "fixed", amount: "25" }, { kind: "linear", amount: "0.0125" }] },
  { label: "Email per 500", channel: "email", structures: [{ kind: "linear", amount: "4.5", batch: 500 }] },
  {
    label: "Email platform",
    channel: "email",
    structures: [{ kind: "constant_threshold", tiers: [{ upTo: 1000, price: "90" }, { upTo: 10000, price: "450" }, { upTo: null, price: "1200" }] }, { kind: "linear", amount: "0.0035" }],
  },
  { label: "Print and post", channel: "direct_mail", structures: [{ kind: "fixed", amount: "50" }, { kind: "constant_threshold", tiers: [{ upTo: 500, price: "200" }, { upTo: null, price: "350" }] }] },
  { label: "Mail by tier", channel: "direct_mail", structures: [{ kind: "linear_threshold", tiers: [{ upTo: 1000, price: "0.85" }, { upTo: 5000, price: "0.72" }, { upTo: null, price: "0.64" }] }] },
  { label: "Mail unit + set-up", channel: "direct_mail", structures: [{ kind: "linear", amount: "1.15" }, { kind: "fixed", amount: "120" }] },
  { label: "Studio days", channel: "task", structures: [{ kind: "linear", amount: "350" }] },
  { label: "Agency days by tier", channel: "task", structures: [{ kind: "linear_threshold", tiers: [{ upTo: 5, price: "650" }, { upTo: null, price: "520" }] }] },
  { label: "Printer set-up + days", channel: "task", structures: [{ kind: "fixed", amount: "1500" }, { kind: "linear", amount: "275.5" }] },
];

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
// abs(hashint4(i + seed)): a deterministic pseudo-random bigint per row and seed.
const h = (seed: number) => `abs(hashint4(i + ${seed})::bigint)`;

async function replica(sql: postgres.Sql, statements: string[]) {
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    for (const s of statements) await tx.unsafe(s);
  });
}

/** Budgets (a 2-level tree), a category pair per budget, plans, programs and campaigns. */
export async function generateBudgetTree(sql: postgres.Sql, n: B6Sizes) {
  await replica(sql, [
    `insert into budgets (label, allocated, period_start, period_end)
     select 'Bench root ' || lpad(i::text, 2, '0'), 5000000 + ${h(1)} % 100000000 / 100.0, date '2026-01-01', date '2026-12-31'
     from generate_series(1, ${ROOTS}) i`,
    `insert into budgets (label, parent_id, allocated, period_start, period_end)
     select 'Bench child ' || lpad(r.n::text, 2, '0') || '.' || j, r.id, 100000 + abs(hashint4((r.n * 100 + j)::int)::bigint) % 50000000 / 100.0, date '2026-01-01', date '2026-12-31'
     from (select id, row_number() over (order by label) as n from budgets where label like 'Bench root %') r, generate_series(1, ${CHILDREN_PER_ROOT}) j`,
    `insert into budget_categories (budget_id, label, allocated)
     select b.id, c.label, 0 from budgets b, (values ('Media'), ('Production')) c(label) where b.label like 'Bench %'`,
    // Plans: all but the last tenth name a budget; a campaign of those charges nothing unless it
    // or its program names one.
    `with b as (select array_agg(id order by label) as ids from budgets where label like 'Bench %')
     insert into plans (label, budget_id)
     select 'Bench plan ' || lpad(i::text, 3, '0'), case when i <= ${n.plans} * 9 / 10 then b.ids[1 + ${h(2)} % cardinality(b.ids)] end
     from generate_series(1, ${n.plans}) i, b`,
    `with b as (select array_agg(id order by label) as ids from budgets where label like 'Bench %'),
       pl as (select array_agg(id order by label) as ids from plans where label like 'Bench plan %')
     insert into programs (plan_id, label, budget_id)
     select pl.ids[1 + (i - 1) % cardinality(pl.ids)], 'Bench program ' || lpad(i::text, 5, '0'),
       case when ${h(3)} % 10 < 6 then b.ids[1 + ${h(4)} % cardinality(b.ids)] end
     from generate_series(1, ${n.programs}) i, b, pl`,
    // Campaigns: mostly Defined (85 %), commitment levels by thirds, every status; 2 % outside any
    // program; a third name their own budget; 5 % carry a real cost entered on the campaign.
    `with b as (select array_agg(id order by label) as ids from budgets where label like 'Bench %'),
       p as (select array_agg(id order by label) as ids from programs where label like 'Bench program %'),
       g as (select i, ${h(10)} as h1, ${h(11)} as h2, ${h(12)} as h3, ${h(13)} as h4 from generate_series(1, ${n.campaigns}) i)
     insert into campaigns (label, internal_name, program_id, status, budget_id, budget_process, commitment_level, provisional_cost, real_cost)
     select 'Bench budget campaign ' || i, 'bench-b-c-' || lpad(i::text, 5, '0'),
       case when h1 % 50 = 0 then null else p.ids[1 + (i - 1) % cardinality(p.ids)] end,
       (case h1 % 20 when 0 then 'being_edited' when 1 then 'being_edited' when 2 then 'to_validate' when 19 then 'canceled'
          else case when h1 % 20 < 11 then 'started' else 'finished' end end)::campaign_status,
       case when h2 % 10 < 3 or h1 % 50 = 0 and h2 % 2 = 0 then b.ids[1 + h4 % cardinality(b.ids)] end,
       (case when h3 % 20 < 17 then 'defined' else 'being_edited' end)::budget_process_status,
       (array['planned', 'reserved', 'committed'])[1 + h2 % 3]::commitment_level,
       (1 + h4 % 5000000) / 100.0,
       case when h4 % 20 = 0 then (1 + h3 % 4000000) / 100.0 end
     from g, b, p`,
  ]);
}

/**
 * Manual expense lines over the campaigns (about a hundred each, unevenly), amounts in cents from
 * 0.01 to 9,999.99; a quarter carry a real amount (80 %–120 % of the amount, to the cent), a
 * third a budget category (any bench budget's: categories do not enter the figures).
 */
export async function generateManualLines(sql: postgres.Sql, n: B6Sizes) {
  await replica(sql, [
    `with c as (select array_agg(id order by internal_name) as ids from campaigns where internal_name like 'bench-b-c-%'),
       bc as (select array_agg(id order by id) as ids from budget_categories),
       g as (select i, ${h(20)} as h1, ${h(21)} as h2, ${h(22)} as h3 from generate_series(1, ${n.manualLines}) i)
     insert into expense_lines (campaign_id, label, amount, real_amount, budget_category_id)
     select c.ids[1 + h1 % cardinality(c.ids)], 'Line ' || i, (1 + h2 % 999999) / 100.0,
       case when h3 % 4 = 0 then round((1 + h2 % 999999) / 100.0 * (80 + h3 % 41) / 100.0, 2) end,
       case when h3 % 3 = 0 then bc.ids[1 + h1 % cardinality(bc.ids)] end
     from g, c, bc`,
  ]);
}

/** A provider with cost categories of every structure kind, tiers included. */
export async function generateCostCategories(sql: postgres.Sql) {
  const [p] = await sql`insert into providers (name) values ('Bench budget provider') returning id`;
  for (const cat of CATEGORIES) {
    const [c] = await sql`insert into cost_categories (provider_id, label, channel) values (${p!.id}, ${cat.label}, ${cat.channel}) returning id`;
    const values = cat.structures
      .map((s, k) => `(${q(c!.id)}::uuid, ${q(`${cat.label} ${k + 1}`)}, '${s.kind}', ${s.amount ?? 0}, ${s.batch ?? "null"}, ${q(JSON.stringify(s.tiers ?? []))}::jsonb)`)
      .join(", ");
    await sql.unsafe(`insert into cost_structures (category_id, label, kind, amount, batch_size, tiers) values ${values}`);
  }
}

/**
 * Deliveries and tasks, every one priced (so each gets a generated line): deliveries 70 % analysed
 * (category + targeted count), 15 % with a category not yet analysed, 10 % without a category, 5 %
 * with a real cost; tasks in all three statuses, 80 % with a category, a tenth with a real cost.
 * Invoices: received / approved / paid by thirds, three lines each.
 */
export async function generateItems(sql: postgres.Sql, n: B6Sizes) {
  await replica(sql, [
    `with c as (select array_agg(id order by internal_name) as ids from campaigns where internal_name like 'bench-b-c-%'),
       e as (select array_agg(cc.id order by cc.label) as ids from cost_categories cc join providers p on p.id = cc.provider_id
             where p.name = 'Bench budget provider' and cc.channel = 'email'),
       m as (select array_agg(cc.id order by cc.label) as ids from cost_categories cc join providers p on p.id = cc.provider_id
             where p.name = 'Bench budget provider' and cc.channel = 'direct_mail'),
       g as (select i, ${h(30)} as h1, ${h(31)} as h2, ${h(32)} as h3 from generate_series(1, ${n.deliveries}) i)
     insert into deliveries (campaign_id, label, channel, status, cost_category_id, targeted_count, provisional_cost, real_cost)
     select c.ids[1 + h1 % cardinality(c.ids)], 'Bench delivery ' || i,
       (case when h2 % 3 = 0 then 'direct_mail' else 'email' end)::delivery_channel,
       (array['being_edited', 'in_progress', 'finished', 'finished', 'stopped', 'canceled'])[1 + h3 % 6]::delivery_status,
       case when h3 % 20 < 2 then null when h2 % 3 = 0 then m.ids[1 + h1 % cardinality(m.ids)] else e.ids[1 + h1 % cardinality(e.ids)] end,
       case when h3 % 20 < 2 or h3 % 20 >= 16 then null when h2 % 3 = 0 then 1 + h1 % 20000 else 1 + h1 % 200000 end,
       (100 + h2 % 500000) / 100.0,
       case when h3 % 20 = 19 then (100 + h1 % 300000) / 100.0 end
     from g, c, e, m`,
    `with c as (select array_agg(id order by internal_name) as ids from campaigns where internal_name like 'bench-b-c-%'),
       t as (select array_agg(cc.id order by cc.label) as ids from cost_categories cc join providers p on p.id = cc.provider_id
             where p.name = 'Bench budget provider' and cc.channel = 'task'),
       g as (select i, ${h(40)} as h1, ${h(41)} as h2, ${h(42)} as h3 from generate_series(1, ${n.tasks}) i)
     insert into campaign_tasks (campaign_id, label, status, days, cost_category_id, provisional_cost, real_cost)
     select c.ids[1 + h1 % cardinality(c.ids)], 'Bench task ' || i,
       (array['planned', 'in_progress', 'finished'])[1 + h2 % 3]::task_status,
       1 + h3 % 20,
       case when h2 % 5 < 4 then t.ids[1 + h1 % cardinality(t.ids)] end,
       (1000 + h3 % 2000000) / 100.0,
       case when h1 % 10 = 0 then (1000 + h2 % 1000000) / 100.0 end
     from g, c, t`,
    `with c as (select array_agg(id order by internal_name) as ids from campaigns where internal_name like 'bench-b-c-%'),
       g as (select i, ${h(50)} as h1, ${h(51)} as h2 from generate_series(1, ${n.invoices}) i)
     insert into invoices (campaign_id, number, issued_on, status, paid_on)
     select c.ids[1 + h1 % cardinality(c.ids)], 'BENCH-' || lpad(i::text, 5, '0'), date '2026-06-01' - (h2 % 150)::int,
       (array['received', 'approved', 'paid', 'paid'])[1 + h2 % 4]::invoice_status,
       case when h2 % 4 >= 2 then date '2026-06-01' + (h2 % 30)::int end
     from g, c`,
    `insert into invoice_lines (invoice_id, label, amount)
     select i.id, 'Invoice line ' || k, (1 + abs(hashtext(i.number || ':' || k)::bigint) % 2000000) / 100.0
     from invoices i, generate_series(1, 3) k where i.number like 'BENCH-%'`,
  ]);
}
