"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useWatch, type ArrayPath, type Control, type FieldValues, type Path, type UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { contactFields, targetingOperatorLabels, targetingOperators, type TargetingInput } from "@/lib/campaigns/local-schemas";

type Msg = { message?: string } | undefined;
/** The errors react-hook-form keeps for the list: one message for the list, then one per input. */
export type TargetingErrors = {
  message?: string;
  root?: Msg;
  [index: number]: { field?: Msg; operator?: Msg; value?: Msg } | undefined;
};

// Contact columns first, then attribute names that contact imports commonly carry.
const suggestedFields = [...contactFields, "city", "store", "region", "postalCode", "country", "segment"];
const noValue = new Set(["is_empty", "is_not_empty"]);
const blank = { field: "", operator: "equals", value: "" } as const;

function Problem({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-sm text-red-700">
      {message}
    </p>
  );
}

/**
 * The Query activity's filter (§2): conditions over the entity's contacts, all of which must hold.
 * Works on any form that keeps a condition list at `name` (e.g. "targeting").
 */
export function TargetingEditor<T extends FieldValues>(props: { control: Control<T>; register: UseFormRegister<T>; errors?: TargetingErrors; name: string }) {
  const { fields, append, remove } = useFieldArray({ control: props.control, name: props.name as ArrayPath<T>, keyName: "key" });
  const values = (useWatch({ control: props.control, name: props.name as Path<T> }) ?? []) as TargetingInput;
  const at = (i: number, key: "field" | "operator" | "value") => `${props.name}.${i}.${key}` as Path<T>;
  const listError = props.errors?.root?.message ?? props.errors?.message;
  const datalist = `${props.name.replace(/\W/g, "-")}-fields`;

  return (
    <div className="space-y-3">
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      <datalist id={datalist}>
        {suggestedFields.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      {fields.length === 0 ? <p className="text-sm text-slate-500">No condition: every contact of the entity is targeted.</p> : null}
      <ol className="space-y-2" aria-label="Targeting conditions">
        {fields.map((f, i) => {
          const e = props.errors?.[i];
          const n = i + 1;
          const id = (k: string) => `${datalist}-${i}-${k}`;
          const operator = values[i]?.operator ?? "equals";
          return (
            <li key={f.key} aria-label={`Condition ${n}`} className="grid gap-2 sm:grid-cols-[1fr_10rem_1fr_auto] sm:items-start">
              <div className="space-y-1">
                <Input
                  list={datalist}
                  placeholder="Contact field, like city"
                  aria-label={`Field of condition ${n}`}
                  aria-invalid={!!e?.field}
                  aria-describedby={e?.field ? id("field-error") : undefined}
                  {...props.register(at(i, "field"))}
                />
                <Problem id={id("field-error")} message={e?.field?.message} />
              </div>
              <div className="space-y-1">
                <Select aria-label={`Comparison of condition ${n}`} aria-invalid={!!e?.operator} {...props.register(at(i, "operator"))}>
                  {targetingOperators.map((o) => (
                    <option key={o} value={o}>
                      {targetingOperatorLabels[o]}
                    </option>
                  ))}
                </Select>
                <Problem id={id("operator-error")} message={e?.operator?.message} />
              </div>
              <div className="space-y-1">
                {noValue.has(operator) ? (
                  <span className="block py-2 text-sm text-slate-400">No value needed</span>
                ) : (
                  <>
                    <Input
                      placeholder="Value"
                      aria-label={`Value of condition ${n}`}
                      aria-invalid={!!e?.value}
                      aria-describedby={e?.value ? id("value-error") : undefined}
                      {...props.register(at(i, "value"))}
                    />
                    <Problem id={id("value-error")} message={e?.value?.message} />
                  </>
                )}
              </div>
              <Button type="button" variant="ghost" size="sm" className="h-10" aria-label={`Remove condition ${n}`} onClick={() => remove(i)}>
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </li>
          );
        })}
      </ol>
      <Button type="button" variant="secondary" size="sm" onClick={() => append({ ...blank } as never)} disabled={fields.length >= 20}>
        <Plus className="size-4" aria-hidden /> Add condition
      </Button>
    </div>
  );
}

/** The same conditions, read-only: for a part the entity may not change, or a running workflow. */
export function TargetingSummary({ targeting }: { targeting: TargetingInput }) {
  if (targeting.length === 0) return <p className="text-sm text-slate-600">No condition: every contact of the entity is targeted.</p>;
  return (
    <ul className="list-inside list-disc space-y-1 text-sm text-slate-800" aria-label="Targeting conditions">
      {targeting.map((c, i) => (
        <li key={i}>
          <code className="text-xs">{c.field}</code> {targetingOperatorLabels[c.operator]}
          {noValue.has(c.operator) ? null : <> “{c.value}”</>}
        </li>
      ))}
    </ul>
  );
}
