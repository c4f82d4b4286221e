"use client";

import { Plus } from "lucide-react";
import { Controller, useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { RowControls } from "@/components/forms/row-controls";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { fieldTypeLabels, options } from "@/lib/campaigns/labels";
import type { TemplateInput } from "@/lib/campaigns/schemas";
import { DefaultInput } from "./default-input";
import { OptionsInput } from "./options-input";

const blankField = { name: "", label: "", type: "text", required: false, default: "", help: "", options: [] } as const;

/** The personalization fields that local entities fill in when they order (§2). */
export function PersonalizationFields({ form }: { form: UseFormReturn<TemplateInput> }) {
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "personalizationFields" });
  const values = useWatch({ control: form.control, name: "personalizationFields" });
  const errors = form.formState.errors.personalizationFields;
  const listError = errors?.root?.message ?? errors?.message;

  return (
    <Card className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Personalization fields</h2>
          <p className="text-xs text-slate-500">What local entities fill in when they order a campaign made from this template.</p>
        </div>
        <Button type="button" variant="secondary" size="sm" onClick={() => append({ ...blankField, options: [] })}>
          <Plus className="size-4" aria-hidden /> Add field
        </Button>
      </div>
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      {fields.length === 0 ? <p className="text-sm text-slate-500">No personalization field.</p> : null}
      <ol className="space-y-3">
        {fields.map((f, i) => {
          const e = errors?.[i];
          const id = (k: string) => `pf-${i}-${k}`;
          const type = values?.[i]?.type ?? "text";
          return (
            <li key={f.id} className="rounded-md border border-slate-200 p-4" aria-label={`Field ${i + 1}`}>
              <div className="grid gap-3 md:grid-cols-3">
                <Field id={id("name")} label="Name" hint="Used in content, like storeName." error={e?.name?.message}>
                  <Input id={id("name")} aria-invalid={!!e?.name} {...form.register(`personalizationFields.${i}.name`)} />
                </Field>
                <Field id={id("label")} label="Label" error={e?.label?.message}>
                  <Input id={id("label")} aria-invalid={!!e?.label} {...form.register(`personalizationFields.${i}.label`)} />
                </Field>
                <Field id={id("type")} label="Type" error={e?.type?.message}>
                  <Select id={id("type")} {...form.register(`personalizationFields.${i}.type`)}>
                    {options(fieldTypeLabels).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                </Field>
                {type === "select" ? (
                  <Field id={id("options")} label="Options" hint="One per line." error={e?.options?.message ?? e?.options?.root?.message}>
                    <Controller
                      control={form.control}
                      name={`personalizationFields.${i}.options`}
                      render={({ field }) => <OptionsInput id={id("options")} value={field.value} onChange={field.onChange} invalid={!!e?.options} />}
                    />
                  </Field>
                ) : null}
                <Field id={id("default")} label="Default" error={e?.default?.message}>
                  <DefaultInput id={id("default")} type={type} options={values?.[i]?.options ?? []} invalid={!!e?.default} register={form.register(`personalizationFields.${i}.default`)} />
                </Field>
                <Field id={id("help")} label="Help" error={e?.help?.message}>
                  <Input id={id("help")} aria-invalid={!!e?.help} {...form.register(`personalizationFields.${i}.help`)} />
                </Field>
              </div>
              <div className="mt-3 flex items-center justify-between">
                <label className="flex items-center gap-2 text-sm text-slate-700">
                  <input type="checkbox" className="size-4 accent-blue-700" {...form.register(`personalizationFields.${i}.required`)} />
                  Required
                </label>
                <RowControls noun="field" index={i} count={fields.length} move={move} remove={remove} removeText="Remove" />
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
