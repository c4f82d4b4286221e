"use client";

import type { CampaignBudgetTab } from "@/lib/budgets/campaign-budget-queries";
import type { CampaignTaskInput } from "@/lib/budgets/campaign-budget-schemas";
import { removeCampaignTaskAction } from "./actions";
import { formatMoney, moneyInput, taskStatusLabels } from "./format";
import { InlineEditTable } from "./inline-edit-table";
import { TaskForm } from "./task-form";

type Task = CampaignBudgetTab["tasks"][number];

const valuesOf = (campaignId: string, t?: Task): CampaignTaskInput =>
  t
    ? {
        campaignId,
        taskId: t.id,
        label: t.label,
        status: t.status,
        days: t.days,
        providerId: t.providerId ?? "",
        costCategoryId: t.costCategoryId ?? "",
        provisionalCost: moneyInput(t.provisionalCost),
        realCost: moneyInput(t.realCost),
      }
    : { campaignId, taskId: "", label: "", status: "planned", days: 0, providerId: "", costCategoryId: "", provisionalCost: "0.00", realCost: "" };

/** The campaign's tasks, each editable in place, and **Add task**. */
export function TasksSection(props: { campaignId: string; tasks: Task[]; providers: CampaignBudgetTab["providers"]; services: CampaignBudgetTab["services"]; currency: string }) {
  const money = (v: string | null) => formatMoney(v, props.currency);
  return (
    <InlineEditTable
      label="Tasks"
      noun="task"
      columns={[
        { label: "Task" },
        { label: "Status" },
        { label: "Days", numeric: true },
        { label: "Provider · cost category" },
        { label: "Provisional cost", numeric: true },
        { label: "Real cost", numeric: true },
        { label: "Calculated cost", numeric: true },
      ]}
      rows={props.tasks}
      cells={(t) => (
        <>
          <td className="px-3 py-2 font-medium text-slate-900">{t.label}</td>
          <td className="px-3 py-2">{taskStatusLabels[t.status]}</td>
          <td className="px-3 py-2 text-right tabular-nums">{t.days}</td>
          <td className="px-3 py-2 text-slate-600">{[t.providerName, t.costCategoryLabel].filter(Boolean).join(" · ") || "—"}</td>
          <td className="px-3 py-2 text-right tabular-nums">{money(t.provisionalCost)}</td>
          <td className="px-3 py-2 text-right tabular-nums">{money(t.realCost)}</td>
          <td className="px-3 py-2 text-right tabular-nums">{money(t.calculatedCost)}</td>
        </>
      )}
      nameOf={(t) => t.label}
      removal={{ consequence: "Its expense line goes with it.", remove: (t) => removeCampaignTaskAction({ campaignId: props.campaignId, taskId: t.id }) }}
      form={(t, done) => <TaskForm initial={valuesOf(props.campaignId, t)} providers={props.providers} services={props.services} currency={props.currency} onDone={done} />}
      empty="No task yet: add the work the campaign needs (design, printing, an agency's days) to count its cost."
    />
  );
}
