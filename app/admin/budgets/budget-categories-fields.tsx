"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { isCentsAmount, type BudgetInput } from "@/lib/budgets/budget-schemas";
import { formatMoney } from "@/lib/budgets/budgets-format";
import { fromMinor, toMinor } from "@/lib/providers/costs";

/** Exact total of the well-formed amounts typed so far, for the running "x of y" line. */
function totalOf(amounts: string[]): string {
  return fromMinor(
    amounts.reduce((sum, a) => (isCentsAmount(a) ? sum + toMinor(a.trim()) : sum), 0n),
    2,
  );
}

/**
 * The budget's expense categories, edited as rows. They have no order of their own (they are
 * listed by label), so rows are added and removed, not moved. Removing one that campaigns or
 * expense lines use leaves those with no category.
 */
export function BudgetCategoriesFields({ form }: { form: UseFormReturn<BudgetInput> }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "categories", keyName: "key" });
  const [categories = [], allocated = "", currency = ""] = useWatch({ control: form.control, name: ["categories", "allocated", "currency"] });
  const errors = form.formState.errors.categories;
  const listError = errors?.root?.message ?? errors?.message;
  const shownCurrency = /^[A-Za-z]{3}$/.test(currency.trim()) ? currency.trim().toUpperCase() : null;
  const total = totalOf(categories.map((c) => c?.allocated ?? ""));
  return (
    <Card className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Expense categories</h2>
          <p className="text-xs text-slate-500">Together they may not exceed the budget&apos;s Allocated amount.</p>
        </div>
        <Button type="button" variant="secondary" size="sm" onClick={() => append({ id: "", label: "", allocated: "" })}>
          <Plus className="size-4" aria-hidden /> Add category
        </Button>
      </div>
      {listError ? (
        <p id="categories-error" role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      {fields.length === 0 ? (
        <p className="text-sm text-slate-500">No expense category.</p>
      ) : (
        <ol className="space-y-3">
          {fields.map((f, i) => {
            const e = errors?.[i];
            const id = (k: string) => `category-${i}-${k}`;
            return (
              <li key={f.key} className="grid items-start gap-3 md:grid-cols-[1fr_14rem_auto]" aria-label={`Expense category ${i + 1}`}>
                <Field id={id("label")} label={`Category ${i + 1} label`} error={e?.label?.message}>
                  <Input id={id("label")} aria-invalid={!!e?.label} {...form.register(`categories.${i}.label`)} />
                </Field>
                <Field id={id("allocated")} label={`Category ${i + 1} allocated`} error={e?.allocated?.message}>
                  <Input id={id("allocated")} inputMode="decimal" className="tabular-nums" aria-invalid={!!e?.allocated || !!listError} {...form.register(`categories.${i}.allocated`)} />
                </Field>
                <div className="pt-6">
                  <Button type="button" variant="ghost" size="sm" aria-label={`Remove expense category ${i + 1}`} onClick={() => remove(i)}>
                    <Trash2 className="size-4" aria-hidden /> Remove
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {fields.length ? (
        <p className="text-xs tabular-nums text-slate-600">
          Categories total {formatMoney(total, shownCurrency)}
          {isCentsAmount(allocated) ? ` of ${formatMoney(allocated.trim(), shownCurrency)} allocated` : null}
        </p>
      ) : null}
    </Card>
  );
}
