"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { approveTargetingSchema } from "@/lib/execution/schemas";
import { approveTargetingAction } from "../actions";

type Input = z.input<typeof approveTargetingSchema>;

export function ApproveTargetingForm({ entity, taskId, checked, total }: { entity: string; taskId: string; checked: number; total: number }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const form = useForm<Input>({ resolver: zodResolver(approveTargetingSchema), defaultValues: { entity, taskId, comment: "" } });
  const submit = form.handleSubmit(async (values) => {
    setError(undefined);
    const res = await approveTargetingAction({ entity, taskId, comment: values.comment });
    if (!res.ok) return setError(res.error);
    router.refresh();
  });
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <FormError message={error} />
      <Field id="comment" label="Comment" hint="Optional; the central team sees it." error={form.formState.errors.comment?.message}>
        <Textarea id="comment" rows={3} aria-invalid={!!form.formState.errors.comment} {...form.register("comment")} />
      </Field>
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-slate-600">
          {checked.toLocaleString("en-GB")} of {total.toLocaleString("en-GB")} contacts will be kept; unchecked ones are excluded.
        </p>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Approve targeting
        </Button>
      </div>
    </form>
  );
}
