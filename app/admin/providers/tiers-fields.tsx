"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, type FieldError, type Merge, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ProviderInput } from "@/lib/providers/schemas";

type TierErrors = Merge<FieldError, ({ upTo?: FieldError; price?: FieldError } | undefined)[]> & { root?: FieldError };

const wholeOrNull = (v: unknown) => (v === "" || v == null ? null : Number(v));

/** Tiers "up to N → price", in increasing order; the last one is open ("above"). */
export function TiersFields(props: {
  form: UseFormReturn<ProviderInput>;
  path: `categories.${number}.structures.${number}.tiers`;
  idPrefix: string;
  flat: boolean;
  errors?: TierErrors;
}) {
  const { form, path, idPrefix, errors } = props;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: path, keyName: "key" });
  const listError = errors?.root?.message ?? errors?.message;
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-500">{props.flat ? "The flat amount of the tier the count falls in." : "The whole count at the unit price of its tier."}</p>
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      <ol className="space-y-2">
        {fields.map((f, k) => {
          const e = errors?.[k];
          const last = k === fields.length - 1;
          const id = (x: string) => `${idPrefix}-${k}-${x}`;
          return (
            <li key={f.key} className="grid items-start gap-3 md:grid-cols-[12rem_12rem_auto]">
              {last ? (
                <div className="space-y-1.5">
                  <span className="block text-sm font-medium text-slate-700">Tier {k + 1}</span>
                  <p className="py-2 text-sm text-slate-600">{k === 0 ? "Any count" : "Above"}</p>
                </div>
              ) : (
                <Field id={id("upTo")} label={`Tier ${k + 1}: up to`} error={e?.upTo?.message}>
                  <Input id={id("upTo")} type="number" min={1} step={1} aria-invalid={!!e?.upTo} {...form.register(`${path}.${k}.upTo`, { setValueAs: wholeOrNull })} />
                </Field>
              )}
              <Field id={id("price")} label={props.flat ? "Amount" : "Unit price"} error={e?.price?.message}>
                <Input id={id("price")} inputMode="decimal" placeholder="0.00" aria-invalid={!!e?.price} {...form.register(`${path}.${k}.price`)} />
              </Field>
              <div className="pt-6">
                <Button type="button" variant="ghost" size="sm" aria-label={`Remove tier ${k + 1}`} disabled={fields.length === 1} onClick={() => remove(k)}>
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button type="button" variant="secondary" size="sm" onClick={() => append({ upTo: null, price: "" })}>
        <Plus className="size-4" aria-hidden /> Add tier
      </Button>
    </div>
  );
}
