"use client";

import { Plus } from "lucide-react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { RowControls } from "@/components/forms/row-controls";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { DistributionInput } from "@/lib/distributions/schemas";

export type EntityOption = { id: string; label: string };

/** The rows: value → local entity, limit (0 = every record), label. */
export function DistributionRowsFields(props: { form: UseFormReturn<DistributionInput>; entities: EntityOption[]; percentage: boolean }) {
  const { form } = props;
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "rows", keyName: "key" });
  const errors = form.formState.errors.rows;
  const listError = errors?.root?.message ?? errors?.message;
  return (
    <Card className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Rows</h2>
          <p className="text-xs text-slate-500">Each value of the distribution field goes to one local entity. Values are compared without case.</p>
        </div>
        <Button type="button" variant="secondary" size="sm" onClick={() => append({ value: "", entityId: "", limit: 0, label: "" })}>
          <Plus className="size-4" aria-hidden /> Add row
        </Button>
      </div>
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      <ol className="space-y-2">
        {fields.map((f, i) => {
          const e = errors?.[i];
          const id = (k: string) => `row-${i}-${k}`;
          return (
            <li key={f.key} className="grid items-start gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-[1fr_1fr_9rem_1fr_auto]" aria-label={`Row ${i + 1}`}>
              <Field id={id("value")} label={`Row ${i + 1} value`} error={e?.value?.message}>
                <Input id={id("value")} aria-invalid={!!e?.value} {...form.register(`rows.${i}.value`)} />
              </Field>
              <Field id={id("entityId")} label="Local entity" error={e?.entityId?.message}>
                <Select id={id("entityId")} aria-invalid={!!e?.entityId} {...form.register(`rows.${i}.entityId`)}>
                  <option value="">Choose…</option>
                  {props.entities.map((en) => (
                    <option key={en.id} value={en.id}>
                      {en.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id={id("limit")} label={props.percentage ? "Limit (%)" : "Limit"} hint="0 = every record." error={e?.limit?.message}>
                <Input id={id("limit")} type="number" min={0} max={props.percentage ? 100 : undefined} step={1} aria-invalid={!!e?.limit} {...form.register(`rows.${i}.limit`, { valueAsNumber: true })} />
              </Field>
              <Field id={id("label")} label="Label" error={e?.label?.message}>
                <Input id={id("label")} aria-invalid={!!e?.label} {...form.register(`rows.${i}.label`)} />
              </Field>
              <RowControls noun="row" index={i} count={fields.length} move={move} remove={remove} className="pt-6" />
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
