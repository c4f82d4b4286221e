"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { options } from "@/lib/campaigns/labels";
import { costChannelLabels } from "@/lib/providers/labels";
import { blankStructure, type ProviderInput } from "@/lib/providers/schemas";
import { cn } from "@/lib/utils";
import { CostStructuresFields } from "./cost-structures-fields";

export type StockLineOption = { id: string; resource: string };

/**
 * The provider's services: cost categories, each with its cost structures (§8) and, when the
 * stock lines are given, the stock line it draws on (§9).
 */
export function CostCategoriesFields({ form, stockLines }: { form: UseFormReturn<ProviderInput>; stockLines?: StockLineOption[] }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "categories", keyName: "key" });
  const errors = form.formState.errors.categories;
  const listError = errors?.root?.message ?? errors?.message;
  return (
    <Card className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Cost categories</h2>
          <p className="text-xs text-slate-500">What the provider charges for, by channel, and how: budgets apply these structures to the counts.</p>
        </div>
        <Button type="button" variant="secondary" size="sm" onClick={() => append({ id: "", label: "", channel: "direct_mail", costTypes: "", structures: [blankStructure()], ...(stockLines ? { stockLineId: "" } : {}) })}>
          <Plus className="size-4" aria-hidden /> Add cost category
        </Button>
      </div>
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      {fields.length === 0 ? <p className="text-sm text-slate-500">No cost category.</p> : null}
      <ol className="space-y-4">
        {fields.map((f, i) => {
          const e = errors?.[i];
          const id = (k: string) => `cat-${i}-${k}`;
          return (
            <li key={f.key} className="space-y-4 rounded-md border border-slate-200 p-4" aria-label={`Cost category ${i + 1}`}>
              <div className={cn("grid items-start gap-3", stockLines ? "md:grid-cols-[1fr_10rem_1fr_14rem_auto]" : "md:grid-cols-[1fr_12rem_1fr_auto]")}>
                <Field id={id("label")} label={`Category ${i + 1} label`} error={e?.label?.message}>
                  <Input id={id("label")} aria-invalid={!!e?.label} {...form.register(`categories.${i}.label`)} />
                </Field>
                <Field id={id("channel")} label="Channel" error={e?.channel?.message}>
                  <Select id={id("channel")} {...form.register(`categories.${i}.channel`)}>
                    {options(costChannelLabels).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field id={id("costTypes")} label="Cost types" hint="Comma-separated, like Printing, Postage." error={e?.costTypes?.message}>
                  <Input id={id("costTypes")} aria-invalid={!!e?.costTypes} {...form.register(`categories.${i}.costTypes`)} />
                </Field>
                {stockLines ? (
                  <Field id={id("stockLineId")} label="Stock line" hint="Each targeted item takes one unit." error={e?.stockLineId?.message}>
                    <Select id={id("stockLineId")} aria-invalid={!!e?.stockLineId} {...form.register(`categories.${i}.stockLineId`)}>
                      <option value="">No stock line</option>
                      {stockLines.map((l) => (
                        <option key={l.id} value={l.id}>
                          {l.resource}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ) : null}
                <div className="pt-6">
                  <Button type="button" variant="ghost" size="sm" aria-label={`Remove cost category ${i + 1}`} onClick={() => remove(i)}>
                    <Trash2 className="size-4" aria-hidden /> Remove
                  </Button>
                </div>
              </div>
              <CostStructuresFields form={form} category={i} />
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
