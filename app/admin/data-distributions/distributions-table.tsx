"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/utils";
import type { DistributionRow } from "@/lib/distributions/queries";
import { distributionTypeLabels } from "@/lib/distributions/schemas";

type Row = Omit<DistributionRow, "createdAt"> & { createdAt: string };

const columns: DataTableColumn<Row>[] = [
  {
    id: "label",
    accessorKey: "label",
    header: "Label",
    cell: (c) => (
      <Link href={`/admin/data-distributions/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
        {c.row.original.label}
      </Link>
    ),
  },
  { id: "field", accessorKey: "field", header: "Distribution field", cell: (c) => <code className="text-xs text-slate-600">{c.row.original.field}</code> },
  { id: "type", accessorKey: "type", header: "Distribution type", cell: (c) => distributionTypeLabels[c.row.original.type] },
  { id: "rows", accessorKey: "rows", header: "Rows", enableSorting: false, cell: (c) => c.row.original.rows },
  {
    id: "approveTargeted",
    accessorKey: "approveTargeted",
    header: "Approve targeted messages",
    enableSorting: false,
    cell: (c) => (c.row.original.approveTargeted ? <Badge tone="green">Yes</Badge> : <Badge>No</Badge>),
  },
  { id: "createdAt", accessorKey: "createdAt", header: "Created", cell: (c) => formatDay(c.row.original.createdAt) },
];

export function DistributionsTable(props: { rows: Row[]; total: number; types: { value: string; label: string }[] }) {
  return (
    <DataTable
      label="Data distributions"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="label.asc"
      searchPlaceholder="Search label or field"
      filters={[{ param: "type", label: "Distribution type", options: props.types }]}
      empty="No data distribution matches. Create one to split a campaign's target between entities."
    />
  );
}
