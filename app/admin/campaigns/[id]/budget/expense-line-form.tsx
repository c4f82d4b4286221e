"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { expenseLineSchema, type ExpenseLineInput } from "@/lib/budgets/campaign-budget-schemas";
import { saveExpenseLineAction } from "./actions";
import { InlineEditForm, useInlineEditForm } from "./inline-edit-form";
import { MoneyField } from "./money-field";
import { OptionalOptions } from "./select-options";

/** Adds or edits a manual expense line, optionally in one of the charged budget's categories. */
export function ExpenseLineForm(props: { initial: ExpenseLineInput; categories: { id: string; label: string }[] | null; currency: string; onDone: () => void }) {
  const { form, errors, shell } = useInlineEditForm<ExpenseLineInput>({ resolver: zodResolver(expenseLineSchema), initial: props.initial, save: saveExpenseLineAction, onDone: props.onDone });

  return (
    <InlineEditForm {...shell} noun="expense line" editTitle={props.initial.lineId ? `Edit ${props.initial.label}` : undefined} submitLabel="Save line">
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="line-label" label="Label" error={errors.label?.message}>
          <Input id="line-label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field
          id="line-category"
          label="Budget category"
          hint={props.categories ? "Optional: one of the charged budget's expense categories." : "The campaign charges no budget."}
          error={errors.budgetCategoryId?.message}
        >
          <Select id="line-category" disabled={!props.categories} aria-invalid={!!errors.budgetCategoryId} {...form.register("budgetCategoryId")}>
            <OptionalOptions items={props.categories} label={(c) => c.label} />
          </Select>
        </Field>
        <MoneyField id="line-amount" label="Amount" currency={props.currency} error={errors.amount} {...form.register("amount")} />
        <MoneyField id="line-real" label="Real amount" hint="Optional: what it really cost, once known." currency={props.currency} error={errors.realAmount} {...form.register("realAmount")} />
      </div>
    </InlineEditForm>
  );
}
