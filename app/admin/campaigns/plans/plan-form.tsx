"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { planSchema, type PlanInput } from "@/lib/campaigns/schemas";
import { createPlanAction } from "../actions";
import { updatePlanAction } from "./actions";
import { BudgetSelect, type Option } from "./budget-select";

/** A new plan, or an existing one (`plan` given) renamed or pointed at another budget. */
export function PlanForm(props: { budgets: Option[]; plan?: { id: string; label: string; budgetId: string | null }; onSaved?: () => void }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const { plan } = props;
  const blank = { label: "", budgetId: "" };
  const form = useForm<PlanInput>({ resolver: zodResolver(planSchema), defaultValues: plan ? { label: plan.label, budgetId: plan.budgetId ?? "" } : blank });
  const { errors } = form.formState;
  const idOf = (k: string) => `plan-${plan?.id ?? "new"}-${k}`;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setMessage(undefined);
      const res = plan ? await updatePlanAction({ ...values, id: plan.id }) : await createPlanAction(values);
      if (!res.ok) {
        const formError = applyServerErrors(form, res);
        if (formError) setMessage({ ok: false, text: formError });
        return;
      }
      router.refresh();
      if (plan) return props.onSaved?.();
      setMessage({ ok: true, text: `Plan “${values.label}” created.` });
      form.reset(blank);
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {message?.ok ? <FormSuccess message={message.text} /> : <FormError message={message?.text} />}
      <Field id={idOf("label")} label="Label" error={errors.label?.message}>
        <Input id={idOf("label")} aria-invalid={!!errors.label} {...form.register("label")} />
      </Field>
      <BudgetSelect id={idOf("budget")} budgets={props.budgets} error={errors.budgetId?.message} register={form.register("budgetId")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {plan ? (pending ? "Saving…" : "Save") : pending ? "Creating…" : "Create plan"}
      </Button>
    </form>
  );
}
