"use client";

import { SaveBar } from "@/components/forms/save-bar";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { CheckboxList } from "@/components/forms/checkbox-list";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions";
import { approvalKindLabels } from "@/lib/deliveries/labels";
import { approvalKinds, deliverySettingsSchema, type DeliverySettingsInput } from "@/lib/deliveries/schemas";
import { MessageFields } from "./message-fields";
import type { PreviewSample } from "./message-preview";

const hoursList = (v: unknown) =>
  Array.isArray(v)
    ? v
    : String(v ?? "")
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : Number.NaN));
const optionalNumber = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

/**
 * The central editor of a delivery (§7): message with live preview, required approvals and their
 * reviewers, deadline and reminders, contact date and throttle. Read-only once submitted.
 */
export function DeliverySettingsForm(props: {
  initial: DeliverySettingsInput;
  sample: PreviewSample;
  reviewers: { id: string; label: string; hint?: string }[];
  editable: boolean;
  save: (values: DeliverySettingsInput) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<DeliverySettingsInput>({ resolver: zodResolver(deliverySettingsSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(form, props.save, () => {
    setSaved(true);
    router.refresh();
  });
  const [kinds = [], reviewerIds = [], subject, body] = useWatch({ control: form.control, name: ["approvalKinds", "reviewerIds", "subject", "body"] });
  const err = (e: unknown) => (e as { message?: string } | undefined)?.message ?? (Array.isArray(e) ? e.find(Boolean)?.message : undefined);

  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-5" aria-label="Delivery settings">
      <FormError message={formError} />
      <fieldset disabled={!props.editable} className="space-y-5">
        <MessageFields
          subject={form.register("subject")}
          body={form.register("body")}
          values={{ subject, body }}
          errors={{ subject: errors.subject?.message, body: errors.body?.message }}
          sample={props.sample}
        />
        <div className="grid gap-5 md:grid-cols-2">
          <CheckboxList
            name="approvalKinds"
            legend="Approvals required"
            hint="Without any, submitting approves the delivery at once."
            options={approvalKinds.map((k) => ({ id: k, label: approvalKindLabels[k] }))}
            value={kinds}
            onChange={(ids) => form.setValue("approvalKinds", ids as DeliverySettingsInput["approvalKinds"], { shouldDirty: true })}
            error={err(errors.approvalKinds)}
          />
          <CheckboxList
            name="reviewerIds"
            legend="Reviewers"
            hint="Central operators who accept or reject. None chosen: any central operator."
            options={props.reviewers}
            value={reviewerIds}
            onChange={(ids) => form.setValue("reviewerIds", ids, { shouldDirty: true })}
            error={err(errors.reviewerIds)}
            searchable={props.reviewers.length > 8}
          />
        </div>
        <div className="grid gap-4 md:grid-cols-4">
          <Field id="approvalDays" label="Approval period (days)" error={errors.approvalDays?.message}>
            <Input id="approvalDays" type="number" min={1} max={60} aria-invalid={!!errors.approvalDays} aria-describedby={errors.approvalDays ? "approvalDays-error" : undefined} {...form.register("approvalDays", { valueAsNumber: true })} />
          </Field>
          <Field id="reminderHours" label="Reminders (hours before)" hint="For example: 48, 24" error={err(errors.reminderHours)}>
            <Input id="reminderHours" aria-invalid={!!errors.reminderHours} aria-describedby={errors.reminderHours ? "reminderHours-error" : undefined} {...form.register("reminderHours", { setValueAs: hoursList })} />
          </Field>
          <Field id="scheduledAt" label="Contact date (UTC)" hint="Empty: as soon as the workflow reaches it." error={errors.scheduledAt?.message}>
            <Input id="scheduledAt" type="datetime-local" aria-invalid={!!errors.scheduledAt} aria-describedby={errors.scheduledAt ? "scheduledAt-error" : undefined} {...form.register("scheduledAt")} />
          </Field>
          <Field id="ratePerSecond" label="Throttle (messages per second)" hint="Empty: no limit." error={errors.ratePerSecond?.message}>
            <Input id="ratePerSecond" type="number" min={1} max={1000} aria-invalid={!!errors.ratePerSecond} aria-describedby={errors.ratePerSecond ? "ratePerSecond-error" : undefined} {...form.register("ratePerSecond", { setValueAs: optionalNumber })} />
          </Field>
        </div>
      </fieldset>
      {props.editable ? <SaveBar pending={pending} saved={saved} /> : null}
    </form>
  );
}
