"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Button } from "@/components/ui/button";
import { setTargetChecksAction } from "../actions";

type Row = { id: string; email: string; firstName: string; lastName: string; checked: boolean };

/** The entity's targeted contacts; each box is saved as it is clicked, so nothing is lost. */
export function ApprovalContactsTable({ entity, taskId, rows, total, editable }: { entity: string; taskId: string; rows: Row[]; total: number; editable: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const change = (contactIds: string[] | "all", checked: boolean) =>
    startTransition(async () => {
      setError(undefined);
      const res = await setTargetChecksAction({ entity, taskId, contactIds, checked });
      if (!res.ok) setError(res.error);
      router.refresh();
    });
  const columns = useMemo<DataTableColumn<Row>[]>(
    () => [
      {
        id: "checked",
        header: () => <span className="sr-only">Keep</span>,
        enableSorting: false,
        cell: (c) => {
          const r = c.row.original;
          return (
            <input
              type="checkbox"
              className="size-4 accent-blue-700"
              checked={r.checked}
              disabled={!editable || pending}
              aria-label={`Keep ${r.email}`}
              onChange={(e) => change([r.id], e.target.checked)}
            />
          );
        },
      },
      { id: "lastName", accessorKey: "lastName", header: "Last name" },
      { id: "firstName", accessorKey: "firstName", header: "First name" },
      { id: "email", accessorKey: "email", header: "Email", cell: (c) => <span className="text-slate-600">{c.row.original.email}</span> },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editable, pending],
  );
  return (
    <div className="space-y-2">
      {editable ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" disabled={pending || !rows.length} onClick={() => change(rows.map((r) => r.id), true)}>
            Check this page
          </Button>
          <Button variant="secondary" size="sm" disabled={pending || !rows.length} onClick={() => change(rows.map((r) => r.id), false)}>
            Uncheck this page
          </Button>
          <Button variant="ghost" size="sm" disabled={pending} onClick={() => change("all", true)}>
            Check all {total.toLocaleString("en-GB")}
          </Button>
          {error ? (
            <span role="alert" className="text-sm text-red-700">
              {error}
            </span>
          ) : null}
        </div>
      ) : null}
      <DataTable label="Targeted contacts" columns={columns} rows={rows} total={total} defaultSort="lastName.asc" searchPlaceholder="Search name or email" />
    </div>
  );
}
