"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions";
import { proofFormSchema } from "@/lib/deliveries/schemas";

type ProofResult = { sent: number; contactEmail: string; missing: string[] };
export type ProofFormValues = z.output<typeof proofFormSchema>;

/** **Send proof**: the saved message, rendered for the sample contact, to one to five addresses. */
export function ProofForm(props: { defaultRecipient: string; send: (input: ProofFormValues) => Promise<ActionResult<ProofResult>> }) {
  const [done, setDone] = useState<ProofResult>();
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<z.input<typeof proofFormSchema>, unknown, ProofFormValues>({ resolver: zodResolver(proofFormSchema), defaultValues: { recipients: props.defaultRecipient } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setFormError(undefined);
      const res = await props.send(values);
      if (!res.ok) {
        applyServerErrors(form, res);
        return setFormError(res.error);
      }
      setDone(res.data);
    }),
  );
  return (
    <form onSubmit={onSubmit} onChange={() => setDone(undefined)} noValidate className="space-y-3" aria-label="Send proof">
      <FormError message={formError} />
      <Field id="recipients" label="Send to" hint="One to five addresses, separated by commas. The saved message is sent, not unsaved changes." error={errors.recipients?.message}>
        <Input id="recipients" aria-invalid={!!errors.recipients} aria-describedby={errors.recipients ? "recipients-error" : undefined} {...form.register("recipients")} />
      </Field>
      <div className="flex flex-wrap items-center justify-end gap-3">
        {done ? (
          <FormSuccess
            message={`Proof queued to ${done.sent} address${done.sent > 1 ? "es" : ""}, rendered for ${done.contactEmail}.${done.missing.length ? ` No value for ${done.missing.map((m) => `{{${m}}}`).join(", ")}.` : ""}`}
          />
        ) : null}
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Sending…" : "Send proof"}
        </Button>
      </div>
    </form>
  );
}
