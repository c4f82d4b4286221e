"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { quantity, stockStatusLabels } from "@/lib/stock/labels";
import type { StockLineRow } from "@/lib/stock/queries";
import { cn } from "@/lib/utils";
import { StockStatusBadge } from "./stock-status-badge";

type Row = StockLineRow;

const figure = (id: "initialStock" | "ordered" | "consumed" | "alertLevel", header: string): DataTableColumn<Row> => ({
  id,
  accessorKey: id,
  header,
  cell: (c) => <span className="tabular-nums">{quantity(c.row.original[id])}</span>,
});

const columns: DataTableColumn<Row>[] = [
  {
    id: "resource",
    accessorKey: "resource",
    header: "Resource",
    cell: (c) => (
      <Link href={`/admin/stock/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
        {c.row.original.resource}
      </Link>
    ),
  },
  { id: "provider", accessorKey: "providerName", header: "Provider", cell: (c) => c.row.original.providerName ?? <span className="text-slate-400">—</span> },
  figure("initialStock", "Initial stock"),
  figure("ordered", "Ordered"),
  figure("consumed", "Consumed"),
  {
    id: "inStock",
    accessorKey: "inStock",
    header: "In stock",
    cell: (c) => <span className={cn("font-semibold tabular-nums", c.row.original.inAlert ? "text-red-700" : "text-slate-900")}>{quantity(c.row.original.inStock)}</span>,
  },
  {
    id: "onOrder",
    accessorKey: "onOrder",
    header: "On order",
    enableSorting: false,
    cell: (c) => (c.row.original.onOrder ? <span className="tabular-nums">{quantity(c.row.original.onOrder)}</span> : <span className="text-slate-400">—</span>),
  },
  figure("alertLevel", "Alert level"),
  { id: "status", accessorKey: "inAlert", header: "Status", cell: (c) => <StockStatusBadge inAlert={c.row.original.inAlert} /> },
];

export function StockLinesTable(props: { rows: Row[]; total: number; providers: { id: string; name: string }[] }) {
  return (
    <DataTable
      label="Stock lines"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="resource.asc"
      searchPlaceholder="Search resource or provider"
      filters={[
        { param: "status", label: "Status", options: [{ value: "alert", label: stockStatusLabels.alert }, { value: "ok", label: stockStatusLabels.ok }] },
        { param: "provider", label: "Provider", options: props.providers.map((p) => ({ value: p.id, label: p.name })) },
      ]}
      empty="No stock line matches. Clear the search or filters, or add a stock line."
    />
  );
}
