"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ContactRow } from "@/lib/contacts/queries";
import type { ContactStatusValue } from "@/lib/contacts/schemas";
import { setContactStatusAction } from "./actions";

type Row = Omit<ContactRow, "createdAt"> & { createdAt: string };
const tone: Record<Row["status"], Tone> = { active: "green", unsubscribed: "amber", bounced: "red" };

// The other statuses a contact can be given from the list, as the buttons name them.
const moves: Record<ContactStatusValue, { to: ContactStatusValue; label: string }[]> = {
  active: [
    { to: "unsubscribed", label: "Mark unsubscribed" },
    { to: "bounced", label: "Mark bounced" },
  ],
  unsubscribed: [{ to: "active", label: "Mark active" }],
  bounced: [{ to: "active", label: "Mark active" }],
};

function StatusActions({ entity, row }: { entity: string; row: Row }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const change = (status: ContactStatusValue) =>
    startTransition(async () => {
      setError(undefined);
      const res = await setContactStatusAction({ entity, contactId: row.id, status });
      if (!res.ok) setError(res.error);
      else router.refresh();
    });
  return (
    <div className="flex items-center gap-2">
      {moves[row.status].map((m) => (
        <Button key={m.to} variant="ghost" size="sm" disabled={pending} onClick={() => change(m.to)} aria-label={`${m.label}: ${row.email}`}>
          {m.label}
        </Button>
      ))}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function ContactsTable({ rows, total, entity }: { rows: Row[]; total: number; entity: string }) {
  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      { id: "lastName", accessorKey: "lastName", header: "Last name" },
      { id: "firstName", accessorKey: "firstName", header: "First name" },
      { id: "email", accessorKey: "email", header: "Email", cell: (c) => <span className="text-slate-600">{c.row.original.email}</span> },
      { id: "city", accessorKey: "city", header: "City", enableSorting: false },
      { id: "status", accessorKey: "status", header: "Status", cell: (c) => <Badge tone={tone[c.row.original.status]}>{c.row.original.status}</Badge> },
      { id: "actions", header: () => <span className="sr-only">Actions</span>, enableSorting: false, cell: (c) => <StatusActions entity={entity} row={c.row.original} /> },
    ],
    [entity],
  );
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
