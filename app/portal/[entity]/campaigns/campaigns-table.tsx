"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { campaignStatusLabels, campaignStatusTones } from "@/lib/campaigns/labels";
import { formatDay } from "@/lib/utils";
import type { EntityCampaignRow } from "@/lib/campaigns/local-campaigns";

type Row = Omit<EntityCampaignRow, "startDate" | "endDate"> & { startDate: string | null; endDate: string | null };

function columnsFor(base: string): DataTableColumn<Row>[] {
  return [
    {
      id: "label",
      accessorKey: "label",
      header: "Label",
      cell: (c) => (
        <Link href={`${base}/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
          {c.row.original.label}
        </Link>
      ),
    },
    {
      id: "parent",
      accessorKey: "parentLabel",
      header: "Parent campaign",
      cell: (c) => c.row.original.parentLabel ?? <span className="text-slate-400">Own campaign</span>,
    },
    {
      id: "status",
      accessorKey: "status",
      header: "Status",
      cell: (c) => <Badge tone={campaignStatusTones[c.row.original.status]}>{campaignStatusLabels[c.row.original.status]}</Badge>,
    },
    { id: "startDate", accessorKey: "startDate", header: "Start", cell: (c) => formatDay(c.row.original.startDate) },
    { id: "endDate", accessorKey: "endDate", header: "End", cell: (c) => formatDay(c.row.original.endDate) },
  ];
}

export function EntityCampaignsTable(props: { base: string; rows: Row[]; total: number; statuses: { value: string; label: string }[] }) {
  const columns = useMemo(() => columnsFor(props.base), [props.base]);
  return (
    <DataTable
      label="My campaigns"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="startDate.desc"
      searchPlaceholder="Search label"
      filters={[{ param: "status", label: "Status", options: props.statuses }]}
      empty="No campaign matches these filters."
    />
  );
}
