"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { PackageFormInput } from "@/lib/packages/schemas";

type Props = { register: UseFormRegister<PackageFormInput>; errors: FieldErrors<PackageFormInput>; kind: "local" | "collaborative" };

export function ScheduleSection({ register, errors, kind }: Props) {
  const date = (name: "startAt" | "availableAt" | "registrationDeadline" | "personalizationDeadline" | "endAt", label: string, hint?: string) => (
    <Field id={name} label={label} hint={hint} error={errors[name]?.message}>
      <Input id={name} type="datetime-local" aria-invalid={!!errors[name]} {...register(name)} />
    </Field>
  );
  return (
    <Card className="grid gap-4 md:grid-cols-3">
      <div className="md:col-span-3">
        <h2 className="text-sm font-semibold text-slate-900">Execution schedule</h2>
        <p className="text-xs text-slate-500">Times are UTC. Start and End bound the visibility in the list; the package is published at its availability.</p>
      </div>
      {date("startAt", "Start")}
      {date("availableAt", "Availability of the campaign")}
      {date("endAt", "End")}
      {kind === "collaborative" ? date("registrationDeadline", "Registration deadline") : null}
      {kind === "collaborative" ? date("personalizationDeadline", "Personalization deadline", "Optional and informational.") : null}
    </Card>
  );
}

const REMINDER_CHOICES = [1, 2, 3, 5];

export function ApprovalSection({ register, errors }: Omit<Props, "kind">) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Field id="approvalDelayDays" label="Approval deadline (days after submission)" error={errors.approvalDelayDays?.message}>
        <Input id="approvalDelayDays" type="number" min={1} max={90} aria-invalid={!!errors.approvalDelayDays} {...register("approvalDelayDays")} />
      </Field>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Reminders before the deadline</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {REMINDER_CHOICES.map((d) => (
            <label key={d} className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-blue-700" value={d} {...register("reminderDaysBefore")} />
              {d} day{d > 1 ? "s" : ""} before
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Toggle({ label, hint, ...rest }: { label: string; hint?: string } & ReturnType<UseFormRegister<PackageFormInput>>) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="checkbox" className="mt-0.5 size-4 accent-blue-700" {...rest} />
      <span>
        {label}
        {hint ? <span className="block text-xs text-slate-500">{hint}</span> : null}
      </span>
    </label>
  );
}
