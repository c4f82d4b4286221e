import type postgres from "postgres";
import { CSV_BOM, csvCell } from "@/lib/contacts/csv";
import { fromMinor, toMinor } from "@/lib/providers/costs";
import type { ExpenseExportQuery } from "./budget-schemas";

// The CSV export of expense lines (§9). One SQL statement read through a server-side cursor, so a
// million lines stream out in batches without ever sitting in memory, from one consistent snapshot.

export const EXPENSE_EXPORT_BATCH = 1000;

export const expenseExportHeader = ["Budget", "Campaign", "Program", "Line kind", "Label", "Budget category", "Amount", "Real amount", "Currency", "Updated at"] as const;

type LineRow = {
  budget: string | null;
  campaign: string;
  program: string | null;
  kind: "Delivery" | "Task" | "Manual";
  label: string;
  category: string | null;
  amount: string;
  real_amount: string | null;
  currency: string | null;
  /** ISO 8601 in UTC, formatted by PostgreSQL: the shared client hands timestamps over as text. */
  updated_at: string;
};

/**
 * An amount as stored (numeric, up to 4 decimals) written exactly, with at least 2 decimals and no
 * padding beyond what it holds: "12.5000" → "12.50", "0.1325" stays.
 */
export function exactAmount(value: string): string {
  return fromMinor(toMinor(value)).replace(/(\.\d\d\d*?)0+$/, "$1");
}

/** Text cells are quoted and formula-guarded; amounts and the timestamp are written as they are. */
export function expenseLineCsv(r: LineRow): string {
  const text = (v: string | null) => csvCell(v ?? "");
  return (
    [
      text(r.budget),
      text(r.campaign),
      text(r.program),
      r.kind,
      text(r.label),
      text(r.category),
      exactAmount(r.amount),
      r.real_amount == null ? "" : exactAmount(r.real_amount),
      text(r.currency),
      r.updated_at,
    ].join(",") + "\r\n"
  );
}

/**
 * The expense lines as CSV, chunk by chunk: a byte-order mark and the header first (spreadsheets
 * then read UTF-8), then one chunk per cursor batch. A line belongs to the budget its campaign
 * charges (campaigns.charged_budget_id, kept by budgetMgt); filtered by a budget, the export
 * holds its child budgets' lines too, as the budget's figures include theirs. Lines of campaigns
 * that charge no budget appear only in the unfiltered (or campaign-filtered) export, with no
 * budget and no currency. Order: budget, campaign, then the order the lines were added.
 */
export async function* expenseLinesCsv(sql: postgres.Sql, filter: ExpenseExportQuery, batch = EXPENSE_EXPORT_BATCH): AsyncGenerator<string> {
  yield CSV_BOM + expenseExportHeader.map(csvCell).join(",") + "\r\n";
  const scope = filter.budgetId
    ? sql`and c.charged_budget_id in (
        with recursive branch(id) as (
          select id from budgets where id = ${filter.budgetId}
          union
          select b.id from budgets b join branch on b.parent_id = branch.id
        )
        select id from branch)`
    : sql``;
  const campaign = filter.campaignId ? sql`and l.campaign_id = ${filter.campaignId}` : sql``;
  const cursor = sql<LineRow[]>`
    select b.label as budget, c.label as campaign, p.label as program,
      case when l.delivery_id is not null then 'Delivery' when l.task_id is not null then 'Task' else 'Manual' end as kind,
      l.label, bc.label as category, l.amount::text as amount, l.real_amount::text as real_amount,
      b.currency, to_char(l.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
    from expense_lines l
    join campaigns c on c.id = l.campaign_id
    left join programs p on p.id = c.program_id
    left join budgets b on b.id = c.charged_budget_id
    left join budget_categories bc on bc.id = l.budget_category_id
    where true ${scope} ${campaign}
    order by b.label nulls last, b.id, c.label, c.id, l.created_at, l.id`.cursor(batch);
  for await (const rows of cursor) {
    let chunk = "";
    for (const r of rows) chunk += expenseLineCsv(r);
    yield chunk;
  }
}
