"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { OperatorRow } from "@/lib/operators/queries";

type Row = Omit<OperatorRow, "createdAt"> & { createdAt: string };

const columns: DataTableColumn<Row>[] = [
  { id: "name", accessorKey: "name", header: "Name", cell: (c) => <span className="font-medium text-slate-900">{c.row.original.name}</span> },
  { id: "email", accessorKey: "email", header: "Email" },
  {
    id: "role",
    accessorKey: "role",
    header: "Role",
    cell: (c) =>
      c.row.original.role === "central" ? (
        <Badge tone="blue">{c.row.original.isAdmin ? "Central administrator" : "Central operator"}</Badge>
      ) : (
        <Badge>Local operator</Badge>
      ),
  },
  { id: "entities", accessorKey: "entities", header: "Entities", enableSorting: false, cell: (c) => c.row.original.entities || "—" },
];

export function OperatorsTable({ rows, total }: { rows: Row[]; total: number }) {
  return (
    <DataTable
      label="Operators"
      columns={columns}
      rows={rows}
      total={total}
      defaultSort="name.asc"
      searchPlaceholder="Search name or email"
      filters={[{ param: "role", label: "Role", options: [{ value: "central", label: "Central" }, { value: "local", label: "Local" }] }]}
    />
  );
}
