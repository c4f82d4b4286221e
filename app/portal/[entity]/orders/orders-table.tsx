"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import type { EntityOrderRow } from "@/lib/orders/entity-queries";
import { orderStatusLabels, orderStatusTones } from "@/lib/orders/labels";
import { formatDateTime } from "@/lib/utils";

type Row = Omit<EntityOrderRow, "createdAt"> & { createdAt: string };

function columnsFor(base: string): DataTableColumn<Row>[] {
  return [
    {
      id: "label",
      accessorKey: "label",
      header: "Order",
      cell: (c) => (
        <Link href={`${base}/orders/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">
          {c.row.original.label}
        </Link>
      ),
    },
    { id: "package", accessorKey: "package", header: "Package" },
    { id: "status", accessorKey: "status", header: "Status", cell: (c) => <Badge tone={orderStatusTones[c.row.original.status]}>{orderStatusLabels[c.row.original.status]}</Badge> },
    { id: "createdAt", accessorKey: "createdAt", header: "Ordered on", cell: (c) => <span className="text-slate-500">{formatDateTime(c.row.original.createdAt)}</span> },
  ];
}

export function EntityOrdersTable(props: { entity: string; rows: Row[]; total: number }) {
  const columns = useMemo(() => columnsFor(`/portal/${props.entity}`), [props.entity]);
  return (
    <DataTable
      label="My orders"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="createdAt.desc"
      searchPlaceholder="Search order or package"
      empty="No order matches these filters."
    />
  );
}
