"use client";

import { Controller, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { PersonalizationField } from "@/db/schema/campaigns";

type Values = { parameters: Record<string, unknown> };

/**
 * The personalization fields generated from the template's definition (§2): one typed control per
 * field, its help, a required mark, and its error next to it. Names are `parameters.<field>`,
 * as the shared zod schema reports them.
 */
export function ParameterFields<T extends Values>(props: {
  fields: PersonalizationField[];
  register: UseFormRegister<T>;
  control: Control<T>;
  errors: FieldErrors<T>;
  /** File fields that already hold a file on the order: shown, and kept unless replaced. */
  filesOnOrder?: Record<string, string>;
}) {
  const errors = (props.errors.parameters ?? {}) as Record<string, { message?: string } | undefined>;
  if (!props.fields.length) return <p className="text-sm text-slate-500">This campaign has no personalization fields.</p>;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {props.fields.map((f) => {
        const id = `param-${f.name}`;
        const name = `parameters.${f.name}` as never;
        const error = errors[f.name]?.message;
        const common = { id, "aria-invalid": Boolean(error), "aria-describedby": error ? `${id}-error` : undefined, "aria-required": f.required };
        const label = f.required ? `${f.label} *` : f.label;
        const current = props.filesOnOrder?.[f.name];
        const hint = [f.help, f.type === "file" && current ? `Attached: ${current}. Choose a file to replace it.` : ""].filter(Boolean).join(" ") || undefined;
        if (f.type === "boolean") {
          return (
            <div key={f.name} className="space-y-1.5 sm:col-span-2">
              <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
                <input type="checkbox" className="size-4 rounded border-slate-300" {...common} {...props.register(name)} />
                {f.label}
              </label>
              {f.help ? <p className="text-xs text-slate-500">{f.help}</p> : null}
            </div>
          );
        }
        return (
          <div key={f.name} className={f.type === "text" && !f.options ? "sm:col-span-2" : undefined}>
            <Field id={id} label={label} hint={hint} error={error}>
              {f.type === "select" ? (
                <Select {...common} {...props.register(name)}>
                  <option value="">{f.required ? "Choose…" : "None"}</option>
                  {(f.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </Select>
              ) : f.type === "file" ? (
                <Controller
                  control={props.control}
                  name={name}
                  render={({ field }) => (
                    <Input
                      {...common}
                      type="file"
                      className="py-2"
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(e.currentTarget.files?.[0] ?? null)}
                    />
                  )}
                />
              ) : f.type === "text" ? (
                <Textarea {...common} rows={2} {...props.register(name)} />
              ) : (
                <Input {...common} type={f.type === "number" ? "text" : "date"} inputMode={f.type === "number" ? "decimal" : undefined} {...props.register(name)} />
              )}
            </Field>
          </div>
        );
      })}
    </div>
  );
}
