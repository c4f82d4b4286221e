"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { SaveBar } from "@/components/forms/save-bar";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { budgetSchema, type BudgetInput } from "@/lib/budgets/budget-schemas";
import { createBudgetAction, updateBudgetAction } from "./actions";
import { BudgetCategoriesFields } from "./budget-categories-fields";

/** A budget (§9): label, currency, parent, period, Allocated amount and expense categories. */
export function BudgetForm(props: { id?: string; initial: BudgetInput; parents: { id: string; label: string }[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<BudgetInput>({ resolver: zodResolver(budgetSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(
    form,
    (values) => (props.id ? updateBudgetAction({ ...values, id: props.id }) : createBudgetAction(values)),
    (data) => {
      if (!props.id) {
        router.push(`/admin/budgets/${data.id}`);
        return;
      }
      // New rows now exist: the next save must update them, not add them again.
      data.categoryIds.forEach((categoryId, i) => form.setValue(`categories.${i}.id`, categoryId));
      form.reset(form.getValues());
      setSaved(true);
      router.refresh();
    },
  );
  const field = (name: "label" | "currency" | "parentId" | "periodStart" | "periodEnd" | "allocated") => ({
    id: `budget-${name}`,
    error: errors[name]?.message,
  });

  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-6" aria-label="Budget">
      <FormError message={formError} />
      <Card className="grid gap-4 md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-900 md:col-span-2">Details</h2>
        <Field {...field("label")} label="Label">
          <Input id="budget-label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field {...field("currency")} label="Currency" hint="ISO 4217 code, like EUR, USD or GBP.">
          <Input id="budget-currency" className="max-w-32 uppercase" maxLength={3} autoComplete="off" aria-invalid={!!errors.currency} {...form.register("currency")} />
        </Field>
        <Field {...field("parentId")} label="Parent budget" hint="Its figures will include this budget's.">
          <Select id="budget-parentId" aria-invalid={!!errors.parentId} {...form.register("parentId")}>
            <option value="">None</option>
            {props.parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field {...field("allocated")} label="Allocated" hint="The amount available, like 25000 or 1250.40.">
          <Input id="budget-allocated" inputMode="decimal" className="tabular-nums" aria-invalid={!!errors.allocated} {...form.register("allocated")} />
        </Field>
        <Field {...field("periodStart")} label="Period start">
          <Input id="budget-periodStart" type="date" aria-invalid={!!errors.periodStart} {...form.register("periodStart")} />
        </Field>
        <Field {...field("periodEnd")} label="Period end">
          <Input id="budget-periodEnd" type="date" aria-invalid={!!errors.periodEnd} {...form.register("periodEnd")} />
        </Field>
      </Card>

      <BudgetCategoriesFields form={form} />

      <SaveBar pending={pending} saved={saved} />
    </form>
  );
}
