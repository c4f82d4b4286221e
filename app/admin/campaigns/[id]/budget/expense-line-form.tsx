"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { expenseLineSchema, type ExpenseLineInput } from "@/lib/budgets/campaign-budget-schemas";
import { saveExpenseLineAction } from "./actions";

/** Adds or edits a manual expense line, optionally in one of the charged budget's categories. */
export function ExpenseLineForm(props: { initial: ExpenseLineInput; categories: { id: string; label: string }[] | null; currency: string; onDone: () => void }) {
  const router = useRouter();
  const form = useForm<ExpenseLineInput>({ resolver: zodResolver(expenseLineSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(form, saveExpenseLineAction, () => {
    props.onDone();
    router.refresh();
  });
  const editing = !!props.initial.lineId;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label={editing ? "Edit expense line" : "New expense line"}>
      <h3 className="text-sm font-semibold text-slate-900">{editing ? `Edit ${props.initial.label}` : "New expense line"}</h3>
      <FormError message={formError} />
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
            <option value="">None</option>
            {props.categories?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="line-amount" label={`Amount (${props.currency})`} error={errors.amount?.message}>
          <Input id="line-amount" inputMode="decimal" className="max-w-48" aria-invalid={!!errors.amount} {...form.register("amount")} />
        </Field>
        <Field id="line-real" label={`Real amount (${props.currency})`} hint="Optional: what it really cost, once known." error={errors.realAmount?.message}>
          <Input id="line-real" inputMode="decimal" className="max-w-48" aria-invalid={!!errors.realAmount} {...form.register("realAmount")} />
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={props.onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save line"}
        </Button>
      </div>
    </form>
  );
}
