"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { CampaignBudgetTab } from "@/lib/budgets/campaign-budget-queries";
import { campaignTaskSchema, taskStatuses, type CampaignTaskInput } from "@/lib/budgets/campaign-budget-schemas";
import { saveCampaignTaskAction } from "./actions";
import { CostCategoryOptions } from "./cost-category-options";
import { taskStatusLabels } from "./format";
import { InlineEditForm, useInlineEditForm } from "./inline-edit-form";
import { MoneyField } from "./money-field";
import { LabelledOptions, OptionalOptions } from "./select-options";

/** Adds or edits a task: its cost category is a Task-channel service of the chosen provider. */
export function TaskForm(props: {
  initial: CampaignTaskInput;
  providers: CampaignBudgetTab["providers"];
  services: CampaignBudgetTab["services"];
  currency: string;
  onDone: () => void;
}) {
  const { form, errors, shell } = useInlineEditForm<CampaignTaskInput>({ resolver: zodResolver(campaignTaskSchema), initial: props.initial, save: saveCampaignTaskAction, onDone: props.onDone });
  const providerId = useWatch({ control: form.control, name: "providerId" });

  return (
    <InlineEditForm {...shell} noun="task" editTitle={props.initial.taskId ? `Edit ${props.initial.label}` : undefined} submitLabel="Save task">
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="task-label" label="Label" error={errors.label?.message}>
          <Input id="task-label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field id="task-status" label="Status" hint="A finished task costs its structures × its days." error={errors.status?.message}>
          <Select id="task-status" aria-invalid={!!errors.status} {...form.register("status")}>
            <LabelledOptions values={taskStatuses} labels={taskStatusLabels} />
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
            <OptionalOptions items={props.providers} label={(p) => p.name} />
          </Select>
        </Field>
        <Field id="task-category" label="Cost category" hint="Services of the Task channel." error={errors.costCategoryId?.message}>
          <Select id="task-category" aria-invalid={!!errors.costCategoryId} {...form.register("costCategoryId")}>
            <CostCategoryOptions services={props.services} channel="task" providerId={providerId || undefined} />
          </Select>
        </Field>
        <div />
        <MoneyField id="task-provisional" label="Provisional cost" currency={props.currency} error={errors.provisionalCost} {...form.register("provisionalCost")} />
        <MoneyField id="task-real" label="Real cost" hint="Optional. Once entered, it is the task's cost." currency={props.currency} error={errors.realCost} {...form.register("realCost")} />
      </div>
    </InlineEditForm>
  );
}
