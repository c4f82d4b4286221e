"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import type { ProgramRow } from "@/lib/campaigns/plans";
import { formatDateTime } from "@/lib/utils";

type Row = Omit<ProgramRow, "createdAt"> & { createdAt: string };

const columns: DataTableColumn<Row>[] = [
  { id: "label", accessorKey: "label", header: "Program", cell: (c) => <span className="font-medium text-slate-900">{c.row.original.label}</span> },
  { id: "plan", accessorKey: "planLabel", header: "Plan" },
  { id: "campaigns", accessorKey: "campaigns", header: "Campaigns", enableSorting: false },
  { id: "createdAt", accessorKey: "createdAt", header: "Created", cell: (c) => <span className="text-slate-500">{formatDateTime(c.row.original.createdAt)}</span> },
];

export function ProgramsTable(props: { rows: Row[]; total: number; plans: { value: string; label: string }[] }) {
  return (
    <DataTable
      label="Programs"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="plan.asc"
      searchPlaceholder="Search program or plan"
      filters={[{ param: "plan", label: "Plan", options: props.plans }]}
      empty="No program matches. Create a plan, then a program in it."
    />
  );
}
