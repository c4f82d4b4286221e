"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/utils";
import type { ProviderRow } from "@/lib/providers/queries";

type Row = Omit<ProviderRow, "createdAt"> & { createdAt: string };

const columns: DataTableColumn<Row>[] = [
  {
    id: "name",
    accessorKey: "name",
    header: "Name",
    cell: (c) => (
      <Link href={`/admin/providers/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
        {c.row.original.name}
      </Link>
    ),
  },
  { id: "contactEmails", accessorKey: "contactEmails", header: "Contact emails", enableSorting: false, cell: (c) => c.row.original.contactEmails.join(", ") || "—" },
  { id: "categories", accessorKey: "categories", header: "Cost categories", enableSorting: false, cell: (c) => c.row.original.categories },
  { id: "columns", accessorKey: "columns", header: "Export columns", enableSorting: false, cell: (c) => c.row.original.columns || "Default" },
  {
    id: "finishOnSend",
    accessorKey: "finishOnSend",
    header: "Post-processing",
    enableSorting: false,
    cell: (c) => (c.row.original.finishOnSend ? <Badge tone="green">Finished when sent</Badge> : <Badge>Finished when reported</Badge>),
  },
  { id: "createdAt", accessorKey: "createdAt", header: "Created", cell: (c) => formatDay(c.row.original.createdAt) },
];

export function ProvidersTable(props: { rows: Row[]; total: number }) {
  return (
    <DataTable
      label="Service providers"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="name.asc"
      searchPlaceholder="Search name or contact email"
      empty="No service provider matches. Add the printers and mail houses you work with."
    />
  );
}
