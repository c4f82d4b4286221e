"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import type { ProgramRow } from "@/lib/campaigns/plans";
import { formatDateTime } from "@/lib/utils";
import type { Option } from "./budget-select";
import { EditProgramButton } from "./edit-dialogs";

type Row = Omit<ProgramRow, "createdAt"> & { createdAt: string };

function columns(plans: Option[], budgets: Option[]): DataTableColumn<Row>[] {
  return [
    { id: "label", accessorKey: "label", header: "Program", cell: (c) => <span className="font-medium text-slate-900">{c.row.original.label}</span> },
    { id: "plan", accessorKey: "planLabel", header: "Plan" },
    { id: "budget", accessorKey: "budgetLabel", header: "Budget", cell: (c) => c.row.original.budgetLabel ?? <span className="text-slate-400">None</span> },
    { id: "campaigns", accessorKey: "campaigns", header: "Campaigns", enableSorting: false },
    { id: "createdAt", accessorKey: "createdAt", header: "Created", cell: (c) => <span className="text-slate-500">{formatDateTime(c.row.original.createdAt)}</span> },
    {
      id: "edit",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: (c) => <EditProgramButton program={c.row.original} plans={plans} budgets={budgets} />,
    },
  ];
}

export function ProgramsTable(props: { rows: Row[]; total: number; plans: Option[]; budgets: Option[] }) {
  return (
    <DataTable
      label="Programs"
      columns={columns(props.plans, props.budgets)}
      rows={props.rows}
      total={props.total}
      defaultSort="plan.asc"
      searchPlaceholder="Search program or plan"
      filters={[{ param: "plan", label: "Plan", options: props.plans.map((p) => ({ value: p.id, label: p.label })) }]}
      empty="No program matches. Create a plan, then a program in it."
    />
  );
}
