"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { CampaignBudgetTab } from "@/lib/budgets/campaign-budget-queries";
import { campaignTaskSchema, taskStatuses, type CampaignTaskInput } from "@/lib/budgets/campaign-budget-schemas";
import { saveCampaignTaskAction } from "./actions";
import { CostCategoryOptions } from "./cost-category-options";
import { taskStatusLabels } from "./format";

/** Adds or edits a task: its cost category is a Task-channel service of the chosen provider. */
export function TaskForm(props: {
  initial: CampaignTaskInput;
  providers: CampaignBudgetTab["providers"];
  services: CampaignBudgetTab["services"];
  currency: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const form = useForm<CampaignTaskInput>({ resolver: zodResolver(campaignTaskSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(form, saveCampaignTaskAction, () => {
    props.onDone();
    router.refresh();
  });
  const providerId = useWatch({ control: form.control, name: "providerId" });
  const editing = !!props.initial.taskId;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label={editing ? "Edit task" : "New task"}>
      <h3 className="text-sm font-semibold text-slate-900">{editing ? `Edit ${props.initial.label}` : "New task"}</h3>
      <FormError message={formError} />
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="task-label" label="Label" error={errors.label?.message}>
          <Input id="task-label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field id="task-status" label="Status" hint="A finished task costs its structures × its days." error={errors.status?.message}>
          <Select id="task-status" aria-invalid={!!errors.status} {...form.register("status")}>
            {taskStatuses.map((s) => (
              <option key={s} value={s}>
                {taskStatusLabels[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="task-days" label="Days" error={errors.days?.message}>
          <Input id="task-days" type="number" min={0} step={1} className="max-w-32" aria-invalid={!!errors.days} {...form.register("days", { valueAsNumber: true })} />
        </Field>
        <Field id="task-provider" label="Provider" error={errors.providerId?.message}>
          <Select
            id="task-provider"
            aria-invalid={!!errors.providerId}
            {...form.register("providerId", {
              // Another provider's service would be refused: drop it with the provider.
              onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
                const category = props.services.find((s) => s.id === form.getValues("costCategoryId"));
                if (category && e.target.value && category.providerId !== e.target.value) form.setValue("costCategoryId", "");
              },
            })}
          >
            <option value="">None</option>
            {props.providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="task-category" label="Cost category" hint="Services of the Task channel." error={errors.costCategoryId?.message}>
          <Select id="task-category" aria-invalid={!!errors.costCategoryId} {...form.register("costCategoryId")}>
            <CostCategoryOptions services={props.services} channel="task" providerId={providerId || undefined} />
          </Select>
        </Field>
        <div />
        <Field id="task-provisional" label={`Provisional cost (${props.currency})`} error={errors.provisionalCost?.message}>
          <Input id="task-provisional" inputMode="decimal" className="max-w-48" aria-invalid={!!errors.provisionalCost} {...form.register("provisionalCost")} />
        </Field>
        <Field id="task-real" label={`Real cost (${props.currency})`} hint="Optional. Once entered, it is the task's cost." error={errors.realCost?.message}>
          <Input id="task-real" inputMode="decimal" className="max-w-48" aria-invalid={!!errors.realCost} {...form.register("realCost")} />
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={props.onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save task"}
        </Button>
      </div>
    </form>
  );
}
