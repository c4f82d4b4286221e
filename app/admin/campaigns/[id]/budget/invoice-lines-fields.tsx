"use client";

import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { blankInvoiceLine, type InvoiceInput } from "@/lib/budgets/campaign-budget-schemas";
import { sumAmounts } from "@/lib/providers/costs";
import { formatMoney } from "./format";

const VALID = /^\d{1,12}(\.\d{1,2})?$/;

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/** An invoice's lines: label, amount and, optionally, the campaign's expense line it pays; with their total. */
export function InvoiceLinesFields(props: { form: UseFormReturn<InvoiceInput>; expenseLines: { id: string; label: string }[]; currency: string }) {
  const { form } = props;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "lines" });
  const lines = useWatch({ control: form.control, name: "lines" }) ?? [];
  const errors = form.formState.errors.lines;
  // The running total counts the amounts typed so far that are valid; the server sums again.
  const total = sumAmounts(lines.map((l) => l?.amount?.trim() ?? "").filter((a) => VALID.test(a)));

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Lines</legend>
      <FieldError id="invoice-lines-error" message={errors?.message ?? errors?.root?.message} />
      <ul className="space-y-2">
        {fields.map((f, i) => {
          const e = errors?.[i];
          return (
            <li key={f.id} className="grid items-start gap-2 md:grid-cols-[2fr_1fr_2fr_auto]">
              <div>
                <Input aria-label={`Label of line ${i + 1}`} aria-invalid={!!e?.label} aria-describedby={e?.label ? `line-${i}-label-error` : undefined} {...form.register(`lines.${i}.label`)} />
                <FieldError id={`line-${i}-label-error`} message={e?.label?.message} />
              </div>
              <div>
                <Input
                  inputMode="decimal"
                  aria-label={`Amount of line ${i + 1} (${props.currency})`}
                  aria-invalid={!!e?.amount}
                  aria-describedby={e?.amount ? `line-${i}-amount-error` : undefined}
                  {...form.register(`lines.${i}.amount`)}
                />
                <FieldError id={`line-${i}-amount-error`} message={e?.amount?.message} />
              </div>
              <div>
                <Select
                  aria-label={`Expense line of line ${i + 1}`}
                  aria-invalid={!!e?.expenseLineId}
                  aria-describedby={e?.expenseLineId ? `line-${i}-expense-error` : undefined}
                  {...form.register(`lines.${i}.expenseLineId`)}
                >
                  <option value="">No expense line</option>
                  {props.expenseLines.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.label}
                    </option>
                  ))}
                </Select>
                <FieldError id={`line-${i}-expense-error`} message={e?.expenseLineId?.message} />
              </div>
              <Button type="button" variant="ghost" size="sm" aria-label={`Remove line ${i + 1}`} disabled={fields.length === 1} onClick={() => remove(i)}>
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      <div className="flex items-center justify-between">
        <Button type="button" variant="secondary" size="sm" onClick={() => append(blankInvoiceLine())}>
          Add line
        </Button>
        <p className="text-sm text-slate-700">
          Total <span className="font-semibold tabular-nums">{formatMoney(total, props.currency)}</span>
        </p>
      </div>
    </fieldset>
  );
}
