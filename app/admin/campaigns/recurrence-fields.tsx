"use client";

import { useEffect } from "react";
import { useFormState, useWatch, type UseFormReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { CampaignInput } from "@/lib/campaigns/schemas";

const unitLabels = { day: "days", week: "weeks", month: "months" } as const;

/**
 * "Every N days / weeks / months" of a recurring or periodic campaign, shown for those types only.
 * Back to Unique, the frequency is cleared, so that no hidden value can fail the validation.
 */
export function RecurrenceFields({ form }: { form: UseFormReturn<CampaignInput> }) {
  const type = useWatch({ control: form.control, name: "type" });
  const { errors } = useFormState({ control: form.control, name: "recurrence" });
  useEffect(() => {
    if (type === "unique" && form.getValues("recurrence")) form.setValue("recurrence", null);
  }, [type, form]);
  if (type === "unique") return null;
  const error = errors.recurrence?.every?.message ?? errors.recurrence?.unit?.message ?? errors.recurrence?.message;
  return (
    <Field id="recurrence-every" label="Every" hint="An occurrence of the campaign per period, from its start date to its end date." error={error}>
      <div className="flex gap-2">
        <Input
          id="recurrence-every"
          type="number"
          min={1}
          step={1}
          className="w-24"
          aria-invalid={!!errors.recurrence?.every}
          aria-describedby={error ? "recurrence-every-error" : undefined}
          {...form.register("recurrence.every", { valueAsNumber: true })}
        />
        <Select id="recurrence-unit" aria-label="Unit" className="w-36" aria-invalid={!!errors.recurrence?.unit} {...form.register("recurrence.unit")}>
          <option value="">Choose…</option>
          {(Object.keys(unitLabels) as (keyof typeof unitLabels)[]).map((u) => (
            <option key={u} value={u}>
              {unitLabels[u]}
            </option>
          ))}
        </Select>
      </div>
    </Field>
  );
}
