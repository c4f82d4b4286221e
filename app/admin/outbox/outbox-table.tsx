"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge, type Tone } from "@/components/ui/badge";
import type { OutboxRow } from "@/lib/notifications/queries";
import { formatDateTime } from "@/lib/utils";
import { RetryButton } from "./retry-button";

type Row = Omit<OutboxRow, "createdAt" | "sentAt"> & { createdAt: string; sentAt: string | null };
const tone: Record<Row["status"], Tone> = { queued: "blue", sending: "blue", sent: "green", failed: "red" };

const columns: DataTableColumn<Row>[] = [
  { id: "createdAt", accessorKey: "createdAt", header: "Queued", cell: (c) => <span className="whitespace-nowrap text-slate-500">{formatDateTime(c.row.original.createdAt)}</span> },
  { id: "recipient", accessorKey: "recipient", header: "Recipient" },
  {
    id: "template",
    accessorKey: "template",
    header: "Email",
    cell: (c) => (
      <span>
        <span className="block font-medium text-slate-800">{c.row.original.subject}</span>
        <span className="text-xs text-slate-500">{c.row.original.template}</span>
      </span>
    ),
  },
  {
    id: "status",
    accessorKey: "status",
    header: "Status",
    cell: (c) => (
      <div title={c.row.original.lastError ?? undefined}>
        <Badge tone={tone[c.row.original.status]}>{c.row.original.status}</Badge>
        {c.row.original.lastError ? <span className="mt-1 block max-w-xs truncate text-xs text-red-700">{c.row.original.lastError}</span> : null}
        {c.row.original.status === "failed" ? (
          c.row.original.gaveUp ? (
            <>
              <span className="mt-1 block text-xs text-slate-600">Gave up after {c.row.original.attempts} attempts.</span>
              <RetryButton notificationId={c.row.original.id} recipient={c.row.original.recipient} />
            </>
          ) : (
            <span className="mt-1 block text-xs text-slate-500">Retrying automatically, with a longer wait each time.</span>
          )
        ) : null}
      </div>
    ),
  },
  { id: "attempts", accessorKey: "attempts", header: "Attempts" },
  {
    id: "providerMessageId",
    accessorKey: "providerMessageId",
    header: "Message id",
    enableSorting: false,
    cell: (c) => <code className="text-xs text-slate-500">{c.row.original.providerMessageId ?? "—"}</code>,
  },
];

export function OutboxTable({ rows, total }: { rows: Row[]; total: number }) {
  return (
    <DataTable
      label="Outbox"
      columns={columns}
      rows={rows}
      total={total}
      defaultSort="createdAt.desc"
      searchPlaceholder="Search recipient or subject"
      filters={[
        {
          param: "status",
          label: "Status",
          options: [
            { value: "queued", label: "Queued" },
            { value: "sending", label: "Sending" },
            { value: "sent", label: "Sent" },
            { value: "failed", label: "Failed" },
          ],
        },
      ]}
      empty="No email has been sent yet."
    />
  );
}
