"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { collaborativeTypeLabels, distributionLevelLabels, webInterfaceTypeLabels } from "@/lib/campaigns/labels";
import type { TemplateRow } from "@/lib/campaigns/template-queries";
import { formatDateTime } from "@/lib/utils";

type Row = Omit<TemplateRow, "createdAt"> & { createdAt: string };

const columns: DataTableColumn<Row>[] = [
  {
    id: "label",
    accessorKey: "label",
    header: "Label",
    cell: (c) => (
      <Link href={`/admin/campaigns/templates/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
        {c.row.original.label}
      </Link>
    ),
  },
  { id: "internalName", accessorKey: "internalName", header: "Internal name", cell: (c) => <code className="text-xs text-slate-600">{c.row.original.internalName}</code> },
  {
    id: "distributionLevel",
    accessorKey: "distributionLevel",
    header: "Distribution level",
    cell: (c) => {
      const { distributionLevel, collaborativeType } = c.row.original;
      return (
        <span className="flex flex-col items-start gap-0.5">
          <Badge tone={distributionLevel === "collaborative" ? "blue" : "gray"}>{distributionLevelLabels[distributionLevel]}</Badge>
          {collaborativeType ? <span className="text-xs text-slate-500">{collaborativeTypeLabels[collaborativeType]}</span> : null}
        </span>
      );
    },
  },
  { id: "webInterfaceType", accessorKey: "webInterfaceType", header: "Web interface", cell: (c) => webInterfaceTypeLabels[c.row.original.webInterfaceType] },
  { id: "fields", accessorKey: "fields", header: "Fields", enableSorting: false },
  { id: "campaigns", accessorKey: "campaigns", header: "Campaigns", enableSorting: false },
  { id: "createdAt", accessorKey: "createdAt", header: "Created", cell: (c) => <span className="text-slate-500">{formatDateTime(c.row.original.createdAt)}</span> },
];

export function TemplatesTable(props: { rows: Row[]; total: number; levels: { value: string; label: string }[] }) {
  return (
    <DataTable
      label="Campaign templates"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="label.asc"
      searchPlaceholder="Search label or internal name"
      filters={[{ param: "level", label: "Distribution level", options: props.levels }]}
      empty="No template matches. Create one to start a campaign."
    />
  );
}
