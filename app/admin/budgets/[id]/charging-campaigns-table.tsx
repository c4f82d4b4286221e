"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { ChargingCampaignRow } from "@/lib/budgets/budgets-detail";
import { budgetProcessLabels, commitmentLevelLabels, formatMoney } from "@/lib/budgets/budgets-format";
import { campaignStatusLabels, campaignStatusTones } from "@/lib/campaigns/labels";

function columns(currency: string): DataTableColumn<ChargingCampaignRow>[] {
  return [
    {
      id: "label",
      accessorKey: "label",
      header: "Campaign",
      cell: (c) => {
        const r = c.row.original;
        // An entity's own campaign has no central page: it is named with its entity.
        return r.entityLabel ? (
          <span className="font-medium text-slate-900">
            {r.label} <span className="font-normal text-slate-500">· {r.entityLabel}</span>
          </span>
        ) : (
          <Link href={`/admin/campaigns/${r.id}`} className="font-medium text-blue-700 hover:underline">
            {r.label}
          </Link>
        );
      },
    },
    { id: "program", accessorKey: "programLabel", header: "Program", cell: (c) => c.row.original.programLabel ?? "—" },
    { id: "status", accessorKey: "status", header: "Status", cell: (c) => <Badge tone={campaignStatusTones[c.row.original.status]}>{campaignStatusLabels[c.row.original.status]}</Badge> },
    { id: "budgetProcess", accessorKey: "budgetProcess", header: "Process status", enableSorting: false, cell: (c) => budgetProcessLabels[c.row.original.budgetProcess] },
    { id: "commitmentLevel", accessorKey: "commitmentLevel", header: "Commitment level", enableSorting: false, cell: (c) => commitmentLevelLabels[c.row.original.commitmentLevel] },
    { id: "calculatedCost", accessorKey: "calculatedCost", header: "Calculated cost", cell: (c) => <span className="tabular-nums">{formatMoney(c.row.original.calculatedCost, currency)}</span> },
    { id: "realCost", accessorKey: "realCost", header: "Real cost", enableSorting: false, cell: (c) => <span className="tabular-nums">{formatMoney(c.row.original.realCost, currency)}</span> },
  ];
}

export function ChargingCampaignsTable(props: { rows: ChargingCampaignRow[]; total: number; currency: string }) {
  return (
    <DataTable
      label="Campaigns charging this budget"
      columns={columns(props.currency)}
      rows={props.rows}
      total={props.total}
      defaultSort="label.asc"
      searchPlaceholder="Search campaign"
      empty="No campaign charges this budget yet, or Cost calculation has not run since one started to."
    />
  );
}
