"use client";

import Link from "next/link";
import type { CursorPage } from "@/components/data-table/cursor-pager";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge, type Tone } from "@/components/ui/badge";
import type { PackageStatus } from "@/db/schema";
import { packageKindLabels } from "@/lib/packages/queries-params";
import type { PackageRow } from "@/lib/packages/queries";
import { packageStatusLabels } from "@/lib/packages/states";
import { formatDateTime } from "@/lib/utils";

type DateKey = "statusChangedAt" | "startAt" | "endAt" | "availableAt";
export type PackageTableRow = Omit<PackageRow, DateKey> & Record<DateKey, string>;

const statusTones: Record<PackageStatus, Tone> = {
  being_edited: "gray",
  pending_approval: "amber",
  approved: "blue",
  published: "green",
  rejected: "red",
  canceled: "gray",
};

const date = (key: DateKey): DataTableColumn<PackageTableRow> => ({
  id: key,
  accessorKey: key,
  header: { startAt: "Start", endAt: "End", availableAt: "Availability", statusChangedAt: "Status date" }[key],
  cell: (c) => <span className="text-slate-600">{formatDateTime(c.row.original[key])}</span>,
});

const columns: DataTableColumn<PackageTableRow>[] = [
  {
    id: "label",
    accessorKey: "label",
    header: "Label",
    cell: (c) => (
      <Link href={`/admin/packages/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
        {c.row.original.label}
      </Link>
    ),
  },
  { id: "kind", accessorKey: "kind", header: "Type", cell: (c) => packageKindLabels[c.row.original.kind] },
  { id: "folder", accessorKey: "folder", header: "Folder", cell: (c) => c.row.original.folder || "—" },
  { id: "reference", accessorKey: "referenceLabel", header: "Reference campaign" },
  {
    id: "status",
    accessorKey: "status",
    header: "Status",
    cell: (c) => {
      const r = c.row.original;
      return (
        <span className="inline-flex gap-1">
          <Badge tone={statusTones[r.status]}>{packageStatusLabels[r.status]}</Badge>
          {r.late ? <Badge tone="amber">Late</Badge> : null}
          {r.unavailable ? <Badge tone="red">Unavailable</Badge> : null}
        </span>
      );
    },
  },
  date("startAt"),
  date("endAt"),
  date("availableAt"),
  date("statusChangedAt"),
];

/** Paged by keyset (?after= / ?before=): a deep page costs what page 1 does. */
export function PackagesTable({ rows, page }: { rows: PackageTableRow[]; page: CursorPage }) {
  return (
    <DataTable
      label="Campaign packages"
      columns={columns}
      rows={rows}
      cursor={page}
      defaultSort="createdAt.desc"
      searchPlaceholder="Search label or internal name"
      empty="No package matches. Change the filters, or create a package."
    />
  );
}
