"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge, type Tone } from "@/components/ui/badge";
import type { ContactRow } from "@/lib/contacts/queries";

type Row = Omit<ContactRow, "createdAt"> & { createdAt: string };
const tone: Record<Row["status"], Tone> = { active: "green", unsubscribed: "amber", bounced: "red" };

const columns: DataTableColumn<Row>[] = [
  { id: "lastName", accessorKey: "lastName", header: "Last name" },
  { id: "firstName", accessorKey: "firstName", header: "First name" },
  { id: "email", accessorKey: "email", header: "Email", cell: (c) => <span className="text-slate-600">{c.row.original.email}</span> },
  { id: "city", accessorKey: "city", header: "City", enableSorting: false },
  { id: "status", accessorKey: "status", header: "Status", cell: (c) => <Badge tone={tone[c.row.original.status]}>{c.row.original.status}</Badge> },
];

export function ContactsTable({ rows, total }: { rows: Row[]; total: number }) {
  return (
    <DataTable
      label="Contacts"
      columns={columns}
      rows={rows}
      total={total}
      defaultSort="lastName.asc"
      searchPlaceholder="Search name or email"
      filters={[
        {
          param: "status",
          label: "Status",
          options: [
            { value: "active", label: "Active" },
            { value: "unsubscribed", label: "Unsubscribed" },
            { value: "bounced", label: "Bounced" },
          ],
        },
      ]}
    />
  );
}
