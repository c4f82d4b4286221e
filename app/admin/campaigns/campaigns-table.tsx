"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { CampaignRow } from "@/lib/campaigns/campaign-queries";
import { campaignStatusLabels, campaignStatusTones, campaignTypeLabels } from "@/lib/campaigns/labels";
import { formatDay } from "@/lib/utils";

type Row = Omit<CampaignRow, "startDate" | "endDate"> & { startDate: string | null; endDate: string | null };

const columns: DataTableColumn<Row>[] = [
  {
    id: "label",
    accessorKey: "label",
    header: "Label",
    cell: (c) => (
      <Link href={`/admin/campaigns/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
        {c.row.original.label}
      </Link>
    ),
  },
  { id: "internalName", accessorKey: "internalName", header: "Internal name", cell: (c) => <code className="text-xs text-slate-600">{c.row.original.internalName}</code> },
  { id: "template", accessorKey: "templateLabel", header: "Template", cell: (c) => c.row.original.templateLabel ?? "—" },
  { id: "program", accessorKey: "programLabel", header: "Program", cell: (c) => c.row.original.programLabel ?? "—" },
  { id: "manager", accessorKey: "managerName", header: "Manager", enableSorting: false, cell: (c) => c.row.original.managerName ?? "—" },
  { id: "startDate", accessorKey: "startDate", header: "Start", cell: (c) => formatDay(c.row.original.startDate) },
  { id: "endDate", accessorKey: "endDate", header: "End", cell: (c) => formatDay(c.row.original.endDate) },
  { id: "type", accessorKey: "type", header: "Type", enableSorting: false, cell: (c) => (c.row.original.occurrenceOf ? "Occurrence" : campaignTypeLabels[c.row.original.type]) },
  {
    id: "status",
    accessorKey: "status",
    header: "Status",
    cell: (c) => <Badge tone={campaignStatusTones[c.row.original.status]}>{campaignStatusLabels[c.row.original.status]}</Badge>,
  },
];

export function CampaignsTable(props: { rows: Row[]; total: number; statuses: { value: string; label: string }[] }) {
  return (
    <DataTable
      label="Reference campaigns"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="startDate.desc"
      searchPlaceholder="Search label or internal name"
      filters={[{ param: "status", label: "Status", options: props.statuses }]}
      empty="No campaign matches. Create one from a template."
    />
  );
}
