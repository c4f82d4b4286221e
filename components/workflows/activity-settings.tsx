"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { deliveryChannelLabels, deliveryChannels, type GraphActivityInput } from "@/lib/workflows/graph";

export type Option = { id: string; label: string };
type Props = {
  idPrefix: string;
  activity: GraphActivityInput;
  errors: Record<string, string>;
  distributions: Option[];
  providers: Option[];
  onChange: (patch: Partial<GraphActivityInput>) => void;
};

const numberOrUndefined = (v: string) => (v.trim() === "" ? undefined : Number(v));

function RefSelect(props: { id: string; label: string; value?: string; options: Option[]; empty: string; error?: string; onChange: (v: string) => void }) {
  return (
    <Field id={props.id} label={props.label} error={props.error} hint={props.options.length ? undefined : props.empty}>
      <Select id={props.id} value={props.value ?? ""} aria-invalid={!!props.error} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Choose…</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Reminders typed as "24, 4": each number is kept, a typo too, so that the schema names it. */
function ReminderInput({ id, value, error, onChange }: { id: string; value?: number[]; error?: string; onChange: (v: number[]) => void }) {
  const [text, setText] = useState((value ?? []).join(", "));
  return (
    <Field id={id} label="Reminders (hours before the deadline)" hint="Separate them with commas, such as 24, 4. Leave empty for none." error={error}>
      <Input
        id={id}
        inputMode="numeric"
        value={text}
        aria-invalid={!!error}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.split(/[\s,;]+/).filter(Boolean).map(Number));
        }}
      />
    </Field>
  );
}

/** What each kind needs: a data distribution, a deadline and reminders, a duration, a channel. */
export function ActivitySettings({ idPrefix, activity: a, errors, distributions, providers, onChange }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const distribution = (
    <RefSelect
      id={id("distribution")}
      label="Data distribution"
      value={a.distributionId}
      options={distributions}
      empty="No data distribution yet: create one under Data distributions first."
      error={errors.distributionId}
      onChange={(distributionId) => onChange({ distributionId })}
    />
  );
  switch (a.kind) {
    case "query":
      return <p className="text-xs text-slate-500">The Query targets the contacts that the Targeting conditions select.</p>;
    case "end":
      return <p className="text-xs text-slate-500">An End closes its branch: nothing follows it.</p>;
    case "split":
      return distribution;
    case "local_approval":
      return (
        <>
          {distribution}
          <Field id={id("deadline")} label="Approval deadline (days)" error={errors.deadlineDays}>
            <Input id={id("deadline")} type="number" min={1} max={60} value={a.deadlineDays ?? ""} aria-invalid={!!errors.deadlineDays} onChange={(e) => onChange({ deadlineDays: numberOrUndefined(e.target.value) })} />
          </Field>
          <ReminderInput id={id("reminders")} value={a.reminderHours} error={errors.reminderHours} onChange={(reminderHours) => onChange({ reminderHours })} />
        </>
      );
    case "wait":
      return (
        <Field id={id("wait")} label="Duration (minutes)" hint="1440 minutes is one day." error={errors.waitMinutes}>
          <Input id={id("wait")} type="number" min={1} value={a.waitMinutes ?? ""} aria-invalid={!!errors.waitMinutes} onChange={(e) => onChange({ waitMinutes: numberOrUndefined(e.target.value) })} />
        </Field>
      );
    case "delivery":
      return (
        <>
          <Field id={id("channel")} label="Channel" error={errors.channel}>
            <Select id={id("channel")} value={a.channel ?? "email"} aria-invalid={!!errors.channel} onChange={(e) => onChange({ channel: e.target.value as (typeof deliveryChannels)[number] })}>
              {deliveryChannels.map((c) => (
                <option key={c} value={c}>
                  {deliveryChannelLabels[c]}
                </option>
              ))}
            </Select>
          </Field>
          {a.channel === "direct_mail" ? (
            <RefSelect
              id={id("provider")}
              label="Service provider"
              value={a.providerId}
              options={providers}
              empty="No service provider yet: add one under Providers first."
              error={errors.providerId}
              onChange={(providerId) => onChange({ providerId })}
            />
          ) : null}
          <p className="text-xs text-slate-500">Saving the campaign creates this activity&apos;s delivery; its message is the campaign&apos;s.</p>
        </>
      );
  }
}
