"use client";

import { useController, type Control, type FieldValues, type Path, type UseFormRegister } from "react-hook-form";
import { Input } from "@/components/ui/input";
import type { TypologyInput } from "@/lib/campaigns/local-schemas";

type Msg = { message?: string } | undefined;
export type TypologyErrors = {
  message?: string;
  root?: Msg;
  excludeUnsubscribed?: Msg;
  excludeBounced?: Msg;
  controlGroupPercent?: Msg;
  pressure?: { message?: string; maxMessages?: Msg; days?: Msg };
};

// What the pressure rule starts from when it is switched on.
const defaultPressure = { maxMessages: 3, days: 7 };

function Problem({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-sm text-red-700">
      {message}
    </p>
  );
}

const numberOf = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : "");

/**
 * Typology rules (§2) for any form that keeps them at `name` (e.g. "typology"): exclusions, a
 * control group and an optional pressure rule. The pressure rule is one value, null when off.
 */
export function TypologyEditor<T extends FieldValues>(props: { control: Control<T>; register: UseFormRegister<T>; errors?: TypologyErrors; name: string }) {
  const path = (key: string) => `${props.name}.${key}` as Path<T>;
  const { field: pressure } = useController({ control: props.control, name: path("pressure") });
  const value = pressure.value as TypologyInput["pressure"];
  const e = props.errors;
  const id = (k: string) => `${props.name.replace(/\W/g, "-")}-${k}`;
  const setPressure = (key: "maxMessages" | "days", raw: number) => pressure.onChange({ ...(value ?? defaultPressure), [key]: raw });
  const formError = e?.root?.message ?? e?.message;

  return (
    <div className="space-y-4">
      {formError ? (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <div className="space-y-2">
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" className="size-4 accent-blue-700" {...props.register(path("excludeUnsubscribed"))} />
          Exclude unsubscribed contacts
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" className="size-4 accent-blue-700" {...props.register(path("excludeBounced"))} />
          Exclude bounced addresses
        </label>
      </div>
      <div className="max-w-xs space-y-1.5">
        <label htmlFor={id("control")} className="block text-sm font-medium text-slate-700">
          Control group (%)
        </label>
        <Input
          id={id("control")}
          type="number"
          min={0}
          max={50}
          step={1}
          aria-invalid={!!e?.controlGroupPercent}
          aria-describedby={e?.controlGroupPercent ? id("control-error") : id("control-hint")}
          {...props.register(path("controlGroupPercent"), { valueAsNumber: true })}
        />
        {e?.controlGroupPercent?.message ? null : (
          <p id={id("control-hint")} className="text-xs text-slate-500">
            Contacts held back to measure the campaign&apos;s effect. 0 = none.
          </p>
        )}
        <Problem id={id("control-error")} message={e?.controlGroupPercent?.message} />
      </div>
      <fieldset className="space-y-3">
        <legend className="sr-only">Pressure rule</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="size-4 accent-blue-700"
            checked={value != null}
            onChange={(ev) => pressure.onChange(ev.target.checked ? { ...defaultPressure } : null)}
            onBlur={pressure.onBlur}
          />
          Limit the marketing pressure
        </label>
        {value != null ? (
          <div className="grid max-w-md grid-cols-2 gap-3 pl-6">
            <PressureNumber id={id("max")} label="At most (messages)" max={100} value={numberOf(value.maxMessages)} error={e?.pressure?.maxMessages?.message} onChange={(n) => setPressure("maxMessages", n)} />
            <PressureNumber id={id("days")} label="Per contact over (days)" max={365} value={numberOf(value.days)} error={e?.pressure?.days?.message} onChange={(n) => setPressure("days", n)} />
          </div>
        ) : null}
        <Problem id={id("pressure-error")} message={e?.pressure?.message} />
      </fieldset>
    </div>
  );
}

/** The same rules, read-only. */
export function TypologySummary({ typology }: { typology: TypologyInput }) {
  const exclusions = [typology.excludeUnsubscribed ? "unsubscribed contacts" : null, typology.excludeBounced ? "bounced addresses" : null].filter(Boolean);
  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-y-1.5 text-sm">
      <dt className="text-slate-500">Exclusions</dt>
      <dd className="text-slate-800">{exclusions.length ? `Excludes ${exclusions.join(" and ")}` : "None"}</dd>
      <dt className="text-slate-500">Control group</dt>
      <dd className="text-slate-800">{typology.controlGroupPercent ? `${typology.controlGroupPercent} %` : "None"}</dd>
      <dt className="text-slate-500">Pressure</dt>
      <dd className="text-slate-800">
        {typology.pressure ? `At most ${typology.pressure.maxMessages} message(s) per contact over ${typology.pressure.days} day(s)` : "No limit"}
      </dd>
    </dl>
  );
}

function PressureNumber(props: { id: string; label: string; max: number; value: number | ""; error?: string; onChange: (n: number) => void }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <Input
        id={props.id}
        type="number"
        min={1}
        max={props.max}
        step={1}
        value={props.value}
        aria-invalid={!!props.error}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(ev) => props.onChange(ev.target.valueAsNumber)}
      />
      <Problem id={`${props.id}-error`} message={props.error} />
    </div>
  );
}
