"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import type { EntityRow } from "@/lib/entities/queries";
import { formatDateTime } from "@/lib/utils";

type Row = Omit<EntityRow, "createdAt"> & { createdAt: string };

const columns: DataTableColumn<Row>[] = [
  {
    id: "label",
    accessorKey: "label",
    header: "Label",
    cell: (c) => (
      <Link href={`/admin/entities/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
        {c.row.original.label}
      </Link>
    ),
  },
  { id: "internalName", accessorKey: "internalName", header: "Internal name", cell: (c) => <code className="text-xs text-slate-600">{c.row.original.internalName}</code> },
  { id: "email", accessorKey: "email", header: "Email", cell: (c) => c.row.original.email ?? "—" },
  { id: "parent", accessorKey: "parentLabel", header: "Parent", cell: (c) => c.row.original.parentLabel ?? "—" },
  { id: "operators", accessorKey: "operators", header: "Operators", enableSorting: false },
  { id: "createdAt", accessorKey: "createdAt", header: "Created", cell: (c) => <span className="text-slate-500">{formatDateTime(c.row.original.createdAt)}</span> },
];

export function EntitiesTable(props: { rows: Row[]; total: number; parents: { value: string; label: string }[] }) {
  return (
    <DataTable
      label="Local entities"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="label.asc"
      searchPlaceholder="Search label, internal name or email"
      filters={[{ param: "parent", label: "Parent", options: props.parents }]}
      empty="No entity matches. Create one, or import a CSV file."
    />
  );
}
