"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { orderStatusLabels, orderStatusTones } from "@/lib/orders/labels";
import type { OrderRow } from "@/lib/orders/queries";
import { formatDateTime } from "@/lib/utils";

type Row = Omit<OrderRow, "createdAt"> & { createdAt: string };
type Option = { value: string; label: string };

const columns: DataTableColumn<Row>[] = [
  { id: "label", accessorKey: "label", header: "Order", cell: (c) => <Link href={`/admin/orders/${c.row.original.id}`} className="font-medium text-blue-700 hover:underline">{c.row.original.label}</Link> },
  { id: "entity", accessorKey: "entity", header: "Entity" },
  { id: "package", accessorKey: "package", header: "Package", cell: (c) => <Link href={`/admin/packages/${c.row.original.packageId}`} className="hover:underline">{c.row.original.package}</Link> },
  { id: "status", accessorKey: "status", header: "Status", cell: (c) => <Badge tone={orderStatusTones[c.row.original.status]}>{orderStatusLabels[c.row.original.status]}</Badge> },
  { id: "createdAt", accessorKey: "createdAt", header: "Ordered", cell: (c) => <span className="text-slate-500">{formatDateTime(c.row.original.createdAt)}</span> },
];

export function OrdersTable(props: { rows: Row[]; total: number; packages: Option[]; entities: Option[] }) {
  return (
    <DataTable
      label="Campaign orders"
      columns={columns}
      rows={props.rows}
      total={props.total}
      defaultSort="createdAt.desc"
      searchPlaceholder="Search order or package"
      filters={[
        { param: "package", label: "Package", options: props.packages },
        { param: "entity", label: "Entity", options: props.entities },
        { param: "status", label: "Status", options: Object.entries(orderStatusLabels).map(([value, label]) => ({ value, label })) },
      ]}
      empty="No order matches these filters."
    />
  );
}
