"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import type { BudgetRow } from "@/lib/budgets/budget-queries";
import { formatMoney, formatPeriod } from "@/lib/budgets/budgets-format";

type Row = Omit<BudgetRow, "computedAt"> & { computedAt: string | null };

const money = (key: "allocated" | "planned" | "reserved" | "committed" | "spent" | "invoiced", header: string): DataTableColumn<Row> => ({
  id: key,
  accessorKey: key,
  header,
  cell: (c) => <span className="tabular-nums">{formatMoney(c.row.original[key], c.row.original.currency)}</span>,
});

const columns: DataTableColumn<Row>[] = [
  {
    id: "label",
    accessorKey: "label",
    header: "Budget",
    cell: (c) => (
      <Link href={`/admin/budgets/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
        {c.row.original.label}
      </Link>
    ),
  },
  { id: "currency", accessorKey: "currency", header: "Currency" },
  { id: "parent", accessorKey: "parentLabel", header: "Parent", cell: (c) => c.row.original.parentLabel ?? "—" },
  { id: "period", accessorKey: "periodStart", header: "Period", cell: (c) => formatPeriod(c.row.original.periodStart, c.row.original.periodEnd) },
  money("allocated", "Allocated"),
  money("planned", "Planned"),
  money("reserved", "Reserved"),
  money("committed", "Committed"),
  money("spent", "Spent"),
  money("invoiced", "Invoiced"),
  {
    id: "remaining",
    accessorKey: "remaining",
    header: "Remaining",
    cell: (c) => {
      const r = c.row.original;
      return <span className={r.remaining.startsWith("-") ? "font-semibold tabular-nums text-red-700" : "tabular-nums"}>{formatMoney(r.remaining, r.currency)}</span>;
    },
  },
];

export function BudgetsTable(props: { rows: Row[]; total: number; currencies: string[] }) {
  return (
    <DataTable
      label="Budgets"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="label.asc"
      searchPlaceholder="Search budget or parent"
      filters={[{ param: "currency", label: "Currency", options: props.currencies.map((c) => ({ value: c, label: c })) }]}
      empty="No budget matches. Create one with New budget."
    />
  );
}
