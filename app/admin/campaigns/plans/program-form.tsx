"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { programSchema, type ProgramInput } from "@/lib/campaigns/schemas";
import { createProgramAction } from "../actions";

export function ProgramForm({ plans }: { plans: { id: string; label: string }[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const form = useForm<ProgramInput>({ resolver: zodResolver(programSchema), defaultValues: { planId: "", label: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setMessage(undefined);
      const res = await createProgramAction(values);
      if (!res.ok) {
        const formError = applyServerErrors(form, res);
        if (formError) setMessage({ ok: false, text: formError });
        return;
      }
      setMessage({ ok: true, text: `Program “${values.label}” created.` });
      // The next program most often goes into the same plan.
      form.reset({ planId: values.planId, label: "" });
      router.refresh();
    }),
  );

  return (
    <Card>
      <h2 className="mb-4 text-sm font-semibold text-slate-900">New program</h2>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {message?.ok ? <FormSuccess message={message.text} /> : <FormError message={message?.text} />}
        <Field id="program-plan" label="Plan" error={errors.planId?.message} hint={plans.length ? undefined : "Create a plan first."}>
          <Select id="program-plan" aria-invalid={!!errors.planId} {...form.register("planId")}>
            <option value="">Choose…</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="program-label" label="Label" error={errors.label?.message}>
          <Input id="program-label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Creating…" : "Create program"}
        </Button>
      </form>
    </Card>
  );
}
