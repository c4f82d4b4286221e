"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { quantity } from "@/lib/stock/labels";
import type { StockConsumptionRow } from "@/lib/stock/queries";

const columns: DataTableColumn<StockConsumptionRow>[] = [
  {
    id: "campaign",
    accessorKey: "campaignLabel",
    header: "Campaign",
    cell: (c) => (
      <Link href={`/admin/campaigns/${c.row.original.campaignId}`} className="font-medium text-blue-700 hover:underline">
        {c.row.original.campaignLabel}
      </Link>
    ),
  },
  {
    id: "delivery",
    accessorKey: "deliveryLabel",
    header: "Delivery",
    cell: (c) => {
      const r = c.row.original;
      return r.deliveryId ? (
        <Link href={`/admin/campaigns/${r.campaignId}/deliveries/${r.deliveryId}`} className="text-blue-700 hover:underline">
          {r.deliveryLabel}
        </Link>
      ) : (
        <span className="text-slate-400">—</span>
      );
    },
  },
  { id: "quantity", accessorKey: "quantity", header: "Quantity", cell: (c) => <span className="tabular-nums">{quantity(c.row.original.quantity)}</span> },
];

/** What each delivery took from the line, campaign by campaign. */
export function ConsumptionTable(props: { rows: StockConsumptionRow[]; total: number }) {
  return (
    <DataTable
      label="Consumption per campaign"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="campaign.asc"
      searchPlaceholder="Search campaign or delivery"
      empty="No delivery has consumed this line yet. A delivery consumes its targeted count once it is analysed, when its cost category uses this line."
    />
  );
}
