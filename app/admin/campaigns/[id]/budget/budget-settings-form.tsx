"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { SaveBar } from "@/components/forms/save-bar";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { CampaignBudgetTab } from "@/lib/budgets/campaign-budget-queries";
import { budgetProcesses, campaignBudgetSchema, commitmentLevels, type CampaignBudgetInput } from "@/lib/budgets/campaign-budget-schemas";
import { updateCampaignBudgetAction } from "./actions";
import { budgetProcessLabels, commitmentLevelLabels } from "./format";

type Props = {
  initial: CampaignBudgetInput;
  budgets: CampaignBudgetTab["budgets"];
  inherited: CampaignBudgetTab["inherited"];
  /** The read-only figures: budgetMgt's calculated cost and when it last ran. */
  figures: React.ReactNode;
};

/** Budget settings (§9): the budget charged, its expense category, process status, commitment level and costs. */
export function BudgetSettingsForm(props: Props) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<CampaignBudgetInput>({ resolver: zodResolver(campaignBudgetSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(form, updateCampaignBudgetAction, () => {
    setSaved(true);
    router.refresh();
  });
  const budgetId = useWatch({ control: form.control, name: "budgetId" });
  const charged = props.budgets.find((b) => b.id === (budgetId || props.inherited?.budgetId));
  const currency = charged?.currency ?? "EUR";
  const inheritedLabel = props.inherited ? `The ${props.inherited.from}'s budget: ${props.inherited.label}` : "None: its program and plan charge no budget";
  const applies = budgetId
    ? `The campaign charges ${charged?.label ?? "this budget"}.`
    : props.inherited
      ? `The campaign charges its ${props.inherited.from}'s budget, ${props.inherited.label}.`
      : "The campaign charges no budget, so its costs consolidate nowhere.";

  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-5" aria-label="Budget settings">
      <FormError message={formError} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="budgetId" label="Budget" hint={applies} error={errors.budgetId?.message}>
          <Select
            id="budgetId"
            aria-invalid={!!errors.budgetId}
            {...form.register("budgetId", {
              // A category only belongs to one budget: changing the budget drops one of another.
              onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
                const next = props.budgets.find((b) => b.id === (e.target.value || props.inherited?.budgetId));
                if (!next?.categories.some((c) => c.id === form.getValues("budgetCategoryId"))) form.setValue("budgetCategoryId", "");
              },
            })}
          >
            <option value="">{inheritedLabel}</option>
            {props.budgets.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label} ({b.currency})
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="budgetCategoryId"
          label="Expense category"
          hint={charged ? `One of ${charged.label}'s categories.` : "Choose a budget first."}
          error={errors.budgetCategoryId?.message}
        >
          <Select id="budgetCategoryId" disabled={!charged} aria-invalid={!!errors.budgetCategoryId} {...form.register("budgetCategoryId")}>
            <option value="">None</option>
            {charged?.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="budgetProcess" label="Process status" hint="Only a Defined campaign counts in its budget." error={errors.budgetProcess?.message}>
          <Select id="budgetProcess" aria-invalid={!!errors.budgetProcess} {...form.register("budgetProcess")}>
            {budgetProcesses.map((p) => (
              <option key={p} value={p}>
                {budgetProcessLabels[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="commitmentLevel" label="Commitment level" hint="The amount of the budget its cost counts in." error={errors.commitmentLevel?.message}>
          <Select id="commitmentLevel" aria-invalid={!!errors.commitmentLevel} {...form.register("commitmentLevel")}>
            {commitmentLevels.map((l) => (
              <option key={l} value={l}>
                {commitmentLevelLabels[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="provisionalCost" label={`Estimated provisional cost (${currency})`} hint="The campaign's cost while it is being edited." error={errors.provisionalCost?.message}>
          <Input id="provisionalCost" inputMode="decimal" className="max-w-48" aria-invalid={!!errors.provisionalCost} {...form.register("provisionalCost")} />
        </Field>
        <Field id="realCost" label={`Real cost (${currency})`} hint="Optional. Once entered, it is the campaign's calculated cost." error={errors.realCost?.message}>
          <Input id="realCost" inputMode="decimal" className="max-w-48" aria-invalid={!!errors.realCost} {...form.register("realCost")} />
        </Field>
      </div>
      {props.figures}
      <SaveBar pending={pending} saved={saved} />
    </form>
  );
}
