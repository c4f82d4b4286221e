"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { planSchema, type PlanInput } from "@/lib/campaigns/schemas";
import { createPlanAction } from "../actions";

export function PlanForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const form = useForm<PlanInput>({ resolver: zodResolver(planSchema), defaultValues: { label: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setMessage(undefined);
      const res = await createPlanAction(values);
      if (!res.ok) {
        const formError = applyServerErrors(form, res);
        if (formError) setMessage({ ok: false, text: formError });
        return;
      }
      setMessage({ ok: true, text: `Plan “${values.label}” created.` });
      form.reset({ label: "" });
      router.refresh();
    }),
  );

  return (
    <Card>
      <h2 className="mb-4 text-sm font-semibold text-slate-900">New plan</h2>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {message?.ok ? <FormSuccess message={message.text} /> : <FormError message={message?.text} />}
        <Field id="plan-label" label="Label" error={errors.label?.message}>
          <Input id="plan-label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Creating…" : "Create plan"}
        </Button>
      </form>
    </Card>
  );
}
