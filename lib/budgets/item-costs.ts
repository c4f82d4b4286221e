import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import type { CostTier } from "@/db/schema/providers";
import { type CostStructureSpec, costMinor, fromMinor, toMinor } from "@/lib/providers/costs";
import { uuidArray } from "@/lib/sql-arrays";

// §9 The calculated cost of deliveries and tasks, in TypeScript so that the one exact
// implementation of the cost structures (lib/providers/costs.ts) prices everything.

type Item = {
  id: string;
  status: string;
  categoryId: string | null;
  provisional: string;
  real: string | null;
  calculated: string;
  /** Deliveries: the targeted count once analysed; tasks: their days once finished. */
  count: number | null;
};

/** realCost ?? (count known ? Σ the category's structures × count : provisional cost). */
export function itemCost(item: Pick<Item, "real" | "provisional" | "count" | "categoryId">, structures: readonly CostStructureSpec[]): string {
  if (item.real != null) return fromMinor(toMinor(item.real));
  if (item.count == null || !item.categoryId) return fromMinor(toMinor(item.provisional));
  return fromMinor(structures.reduce((acc, s) => acc + costMinor(s, item.count!), 0n));
}

async function structuresByCategory(tx: Tx, categoryIds: string[]): Promise<Map<string, CostStructureSpec[]>> {
  const map = new Map<string, CostStructureSpec[]>();
  if (!categoryIds.length) return map;
  const rows = await tx.execute<{ category_id: string; kind: CostStructureSpec["kind"]; amount: string; batch_size: number | null; tiers: CostTier[] }>(sql`
    select category_id, kind, amount::text as amount, batch_size, tiers from cost_structures where category_id = any(${uuidArray(categoryIds)})`);
  for (const r of rows) {
    const list = map.get(r.category_id) ?? [];
    list.push({ kind: r.kind, amount: r.amount, batchSize: r.batch_size, tiers: r.tiers });
    map.set(r.category_id, list);
  }
  return map;
}

/**
 * Recomputes the calculated cost of the deliveries and tasks of the campaigns in `dirty_campaigns`
 * (a temporary table of ids) and writes the ones that changed. Returns how many changed.
 */
export async function recomputeItemCosts(tx: Tx): Promise<{ deliveries: number; tasks: number }> {
  const deliveries = await tx.execute<Item>(sql`
    select d.id, d.status::text as status, d.cost_category_id as "categoryId", d.provisional_cost::text as provisional,
      d.real_cost::text as real, d.calculated_cost::text as calculated, d.targeted_count as count
    from deliveries d join dirty_campaigns dc on dc.id = d.campaign_id`);
  const tasks = await tx.execute<Item>(sql`
    select t.id, t.status::text as status, t.cost_category_id as "categoryId", t.provisional_cost::text as provisional,
      t.real_cost::text as real, t.calculated_cost::text as calculated,
      case when t.status = 'finished' then t.days end as count
    from campaign_tasks t join dirty_campaigns dc on dc.id = t.campaign_id`);
  const categories = [...new Set([...deliveries, ...tasks].map((i) => i.categoryId).filter((c): c is string => c != null))];
  const structures = await structuresByCategory(tx, categories);
  const changed = (items: Item[]) =>
    items
      .map((i) => ({ id: i.id, before: i.calculated, after: itemCost(i, i.categoryId ? (structures.get(i.categoryId) ?? []) : []) }))
      .filter((i) => toMinor(i.before) !== toMinor(i.after));
  const d = changed([...deliveries]);
  const t = changed([...tasks]);
  if (d.length) {
    await tx.execute(sql`update deliveries x set calculated_cost = v.cost
      from unnest(${uuidArray(d.map((i) => i.id))}, ${`{${d.map((i) => i.after).join(",")}}`}::numeric[]) as v(id, cost) where x.id = v.id and x.calculated_cost is distinct from v.cost`);
  }
  if (t.length) {
    await tx.execute(sql`update campaign_tasks x set calculated_cost = v.cost
      from unnest(${uuidArray(t.map((i) => i.id))}, ${`{${t.map((i) => i.after).join(",")}}`}::numeric[]) as v(id, cost) where x.id = v.id and x.calculated_cost is distinct from v.cost`);
  }
  return { deliveries: d.length, tasks: t.length };
}

/**
 * Keeps one generated expense line per priced delivery and task of the dirty campaigns (one with a
 * cost category, a provisional or a real cost), and removes those of items no longer priced.
 * Writes only lines that change. Returns how many lines were added, changed or removed.
 */
export async function syncGeneratedLines(tx: Tx): Promise<number> {
  // Lines already equal to their item are left out before the upsert: an INSERT … ON CONFLICT
  // tries, and undoes, an insert for every row it is given, which made an unchanged full run pay
  // ~100 ms for 15,000 lines (e2e/perf/RESULTS.md, B6).
  const upserted = await tx.execute(sql`
    insert into expense_lines (campaign_id, delivery_id, task_id, label, amount, real_amount)
    select d.campaign_id, d.id, null, d.label, d.calculated_cost, d.real_cost
    from deliveries d join dirty_campaigns dc on dc.id = d.campaign_id
    where (d.cost_category_id is not null or d.provisional_cost <> 0 or d.real_cost is not null)
      and not exists (select 1 from expense_lines e where e.delivery_id = d.id
        and (e.campaign_id, e.label, e.amount, e.real_amount) is not distinct from (d.campaign_id, d.label, d.calculated_cost, d.real_cost))
    on conflict (delivery_id) do update set campaign_id = excluded.campaign_id, label = excluded.label, amount = excluded.amount, real_amount = excluded.real_amount, updated_at = now()
    where (expense_lines.campaign_id, expense_lines.label, expense_lines.amount, expense_lines.real_amount)
      is distinct from (excluded.campaign_id, excluded.label, excluded.amount, excluded.real_amount)`);
  const upsertedTasks = await tx.execute(sql`
    insert into expense_lines (campaign_id, delivery_id, task_id, label, amount, real_amount)
    select t.campaign_id, null, t.id, t.label, t.calculated_cost, t.real_cost
    from campaign_tasks t join dirty_campaigns dc on dc.id = t.campaign_id
    where (t.cost_category_id is not null or t.provisional_cost <> 0 or t.real_cost is not null)
      and not exists (select 1 from expense_lines e where e.task_id = t.id
        and (e.campaign_id, e.label, e.amount, e.real_amount) is not distinct from (t.campaign_id, t.label, t.calculated_cost, t.real_cost))
    on conflict (task_id) do update set campaign_id = excluded.campaign_id, label = excluded.label, amount = excluded.amount, real_amount = excluded.real_amount, updated_at = now()
    where (expense_lines.campaign_id, expense_lines.label, expense_lines.amount, expense_lines.real_amount)
      is distinct from (excluded.campaign_id, excluded.label, excluded.amount, excluded.real_amount)`);
  const removed = await tx.execute(sql`
    delete from expense_lines l using dirty_campaigns dc
    where l.campaign_id = dc.id and (
      (l.delivery_id is not null and not exists (select 1 from deliveries d where d.id = l.delivery_id
        and (d.cost_category_id is not null or d.provisional_cost <> 0 or d.real_cost is not null)))
      or (l.task_id is not null and not exists (select 1 from campaign_tasks t where t.id = l.task_id
        and (t.cost_category_id is not null or t.provisional_cost <> 0 or t.real_cost is not null))))`);
  return upserted.count + upsertedTasks.count + removed.count;
}
