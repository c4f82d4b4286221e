"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { CampaignBudgetTab } from "@/lib/budgets/campaign-budget-queries";
import type { CampaignTaskInput } from "@/lib/budgets/campaign-budget-schemas";
import { removeCampaignTaskAction } from "./actions";
import { formatMoney, moneyInput, taskStatusLabels } from "./format";
import { RemoveButton } from "./remove-button";
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
  // "new", a task's id, or nothing being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const current = editing && editing !== "new" ? props.tasks.find((t) => t.id === editing) : undefined;
  const money = (v: string | null) => formatMoney(v, props.currency);
  const form = (t?: Task) => (
    <TaskForm key={t?.id ?? "new"} initial={valuesOf(props.campaignId, t)} providers={props.providers} services={props.services} currency={props.currency} onDone={() => setEditing(null)} />
  );

  return (
    <div className="space-y-4">
      {props.tasks.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm" aria-label="Tasks">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Task</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Days</th>
                <th scope="col" className="px-3 py-2 font-medium">Provider · cost category</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Provisional cost</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Real cost</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Calculated cost</th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {props.tasks.map((t) => (
                <tr key={t.id}>
                  <td className="px-3 py-2 font-medium text-slate-900">{t.label}</td>
                  <td className="px-3 py-2">{taskStatusLabels[t.status]}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{t.days}</td>
                  <td className="px-3 py-2 text-slate-600">{[t.providerName, t.costCategoryLabel].filter(Boolean).join(" · ") || "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(t.provisionalCost)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(t.realCost)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(t.calculatedCost)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    <Button type="button" variant="ghost" size="sm" aria-label={`Edit task ${t.label}`} onClick={() => setEditing(t.id)}>
                      Edit
                    </Button>
                    <RemoveButton what="task" name={t.label} consequence="Its expense line goes with it." remove={() => removeCampaignTaskAction({ campaignId: props.campaignId, taskId: t.id })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-500">No task yet: add the work the campaign needs (design, printing, an agency&apos;s days) to count its cost.</p>
      )}
      {editing === "new" ? form() : current ? form(current) : (
        <Button type="button" variant="secondary" onClick={() => setEditing("new")}>
          Add task
        </Button>
      )}
    </div>
  );
}
