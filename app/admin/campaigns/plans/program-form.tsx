"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { programSchema, type ProgramInput } from "@/lib/campaigns/schemas";
import { createProgramAction } from "../actions";
import { updateProgramAction } from "./actions";
import { BudgetSelect, type Option } from "./budget-select";

export type EditedProgram = { id: string; planId: string; label: string; budgetId: string | null };

/** A new program, or an existing one (`program` given) renamed, moved to another plan or pointed at another budget. */
export function ProgramForm(props: { plans: Option[]; budgets: Option[]; program?: EditedProgram; onSaved?: () => void }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const { program } = props;
  const form = useForm<ProgramInput>({
    resolver: zodResolver(programSchema),
    defaultValues: program ? { planId: program.planId, label: program.label, budgetId: program.budgetId ?? "" } : { planId: "", label: "", budgetId: "" },
  });
  const { errors } = form.formState;
  const idOf = (k: string) => `program-${program?.id ?? "new"}-${k}`;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setMessage(undefined);
      const res = program ? await updateProgramAction({ ...values, id: program.id }) : await createProgramAction(values);
      if (!res.ok) {
        const formError = applyServerErrors(form, res);
        if (formError) setMessage({ ok: false, text: formError });
        return;
      }
      router.refresh();
      if (program) return props.onSaved?.();
      setMessage({ ok: true, text: `Program “${values.label}” created.` });
      // The next program most often goes into the same plan.
      form.reset({ planId: values.planId, label: "", budgetId: "" });
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {message?.ok ? <FormSuccess message={message.text} /> : <FormError message={message?.text} />}
      <Field id={idOf("plan")} label="Plan" error={errors.planId?.message} hint={props.plans.length ? undefined : "Create a plan first."}>
        <Select id={idOf("plan")} aria-invalid={!!errors.planId} {...form.register("planId")}>
          <option value="">Choose…</option>
          {props.plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={idOf("label")} label="Label" error={errors.label?.message}>
        <Input id={idOf("label")} aria-invalid={!!errors.label} {...form.register("label")} />
      </Field>
      <BudgetSelect id={idOf("budget")} budgets={props.budgets} error={errors.budgetId?.message} register={form.register("budgetId")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {program ? (pending ? "Saving…" : "Save") : pending ? "Creating…" : "Create program"}
      </Button>
    </form>
  );
}
