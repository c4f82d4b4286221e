"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { options } from "@/lib/campaigns/labels";
import { costKindHints, costKindLabels } from "@/lib/providers/labels";
import { blankStructure, type CostKind, type ProviderInput } from "@/lib/providers/schemas";
import { TiersFields } from "./tiers-fields";

const wholeOrNull = (v: unknown) => (v === "" || v == null ? null : Number(v));

/** A category's cost structures: fixed, linear (per unit or per batch), or by threshold. */
export function CostStructuresFields({ form, category }: { form: UseFormReturn<ProviderInput>; category: number }) {
  const name = `categories.${category}.structures` as const;
  const { fields, append, remove } = useFieldArray({ control: form.control, name, keyName: "key" });
  const kinds = useWatch({ control: form.control, name }) ?? [];
  const errors = form.formState.errors.categories?.[category]?.structures;
  const listError = errors?.root?.message ?? errors?.message;

  const onKind = (j: number, kind: CostKind) => {
    // A threshold structure starts with one open tier, so there is something to fill in.
    if ((kind === "linear_threshold" || kind === "constant_threshold") && !form.getValues(`${name}.${j}.tiers`)?.length) {
      form.setValue(`${name}.${j}.tiers`, [{ upTo: null, price: "" }]);
    }
  };

  return (
    <div className="space-y-3 border-l-2 border-slate-100 pl-4">
      <div className="flex items-center justify-between gap-4">
        <h3 className="text-sm font-medium text-slate-700">Cost structures</h3>
        <Button type="button" variant="secondary" size="sm" onClick={() => append(blankStructure())}>
          <Plus className="size-4" aria-hidden /> Add cost structure
        </Button>
      </div>
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      {fields.map((f, j) => {
        const e = errors?.[j];
        const kind = kinds[j]?.kind ?? "linear";
        const id = (k: string) => `cat-${category}-s-${j}-${k}`;
        return (
          <div key={f.key} className="space-y-3 rounded-md bg-slate-50 p-3" aria-label={`Cost structure ${j + 1} of category ${category + 1}`} role="group">
            <div className="grid items-start gap-3 md:grid-cols-[1fr_14rem_auto]">
              <Field id={id("label")} label={`Structure ${j + 1} label`} error={e?.label?.message}>
                <Input id={id("label")} aria-invalid={!!e?.label} {...form.register(`${name}.${j}.label`)} />
              </Field>
              <Field id={id("kind")} label="Cost structure" hint={costKindHints[kind]} error={e?.kind?.message}>
                <Select id={id("kind")} {...form.register(`${name}.${j}.kind`, { onChange: (ev) => onKind(j, ev.target.value as CostKind) })}>
                  {options(costKindLabels).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className="pt-6">
                <Button type="button" variant="ghost" size="sm" aria-label={`Remove cost structure ${j + 1} of category ${category + 1}`} onClick={() => remove(j)}>
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </div>
            </div>
            {kind === "fixed" || kind === "linear" ? (
              <div className="grid items-start gap-3 md:grid-cols-2">
                <Field id={id("amount")} label={kind === "fixed" ? "Amount" : "Unit price"} hint={kind === "linear" ? "The price of one item, or of one batch when a batch size is set." : undefined} error={e?.amount?.message}>
                  <Input id={id("amount")} inputMode="decimal" placeholder="0.00" aria-invalid={!!e?.amount} {...form.register(`${name}.${j}.amount`)} />
                </Field>
                {kind === "linear" ? (
                  <Field id={id("batchSize")} label="Per batch of N (optional)" hint="Empty = per unit." error={e?.batchSize?.message}>
                    <Input id={id("batchSize")} type="number" min={1} step={1} aria-invalid={!!e?.batchSize} {...form.register(`${name}.${j}.batchSize`, { setValueAs: wholeOrNull })} />
                  </Field>
                ) : null}
              </div>
            ) : (
              <TiersFields form={form} path={`${name}.${j}.tiers`} idPrefix={id("tier")} flat={kind === "constant_threshold"} errors={e?.tiers} />
            )}
          </div>
        );
      })}
    </div>
  );
}
