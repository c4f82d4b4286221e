"use client";

import { Plus } from "lucide-react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { RowControls } from "@/components/forms/row-controls";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { exportFieldLabels } from "@/lib/providers/labels";
import type { ProviderInput } from "@/lib/providers/schemas";

/** The export template: ordered columns, each a header and a contact field or attribute. */
export function ExportColumnsFields({ form }: { form: UseFormReturn<ProviderInput> }) {
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "exportColumns" });
  const errors = form.formState.errors.exportColumns;
  const listError = errors?.root?.message ?? errors?.message;
  return (
    <section className="space-y-3" aria-labelledby="export-template-title">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h3 id="export-template-title" className="text-sm font-medium text-slate-700">
            Export template
          </h3>
          <p className="text-xs text-slate-500">
            Field: email, firstName, lastName, entity (the entity&apos;s internal name) or a contact attribute&apos;s name. Without columns, the file has
            email, firstName, lastName and entity.
          </p>
        </div>
        <Button type="button" variant="secondary" size="sm" className="shrink-0 whitespace-nowrap" onClick={() => append({ header: "", field: "" })}>
          <Plus className="size-4" aria-hidden /> Add column
        </Button>
      </div>
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      <datalist id="export-fields">
        {Object.entries(exportFieldLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </datalist>
      <ol className="space-y-2">
        {fields.map((f, i) => {
          const e = errors?.[i];
          return (
            <li key={f.id} className="grid items-start gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-[1fr_1fr_auto]" aria-label={`Column ${i + 1}`}>
              <Field id={`col-${i}-header`} label={`Column ${i + 1} header`} error={e?.header?.message}>
                <Input id={`col-${i}-header`} aria-invalid={!!e?.header} {...form.register(`exportColumns.${i}.header`)} />
              </Field>
              <Field id={`col-${i}-field`} label="Contact field or attribute" error={e?.field?.message}>
                <Input id={`col-${i}-field`} list="export-fields" aria-invalid={!!e?.field} {...form.register(`exportColumns.${i}.field`)} />
              </Field>
              <RowControls noun="column" index={i} count={fields.length} move={move} remove={remove} className="pt-6" />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
