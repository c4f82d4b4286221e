"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions";
import { approvalDecisionSchema } from "@/lib/deliveries/schemas";

type Decision = z.output<typeof approvalDecisionSchema>;
export type ApprovalDecisionAction = (input: Decision) => Promise<ActionResult<{ status: string }>>;

/** **Accept** or **Reject** one approval of a delivery; rejecting needs a comment. */
export function ApprovalDecision(props: { kind: string; kindLabel: string; action: ApprovalDecisionAction }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<z.input<typeof approvalDecisionSchema>, unknown, Decision>({ resolver: zodResolver(approvalDecisionSchema), defaultValues: { decision: "accept", comment: "" } });
  const { errors } = form.formState;
  const id = `approval-${props.kind}-comment`;
  const decide = (decision: Decision["decision"]) => {
    form.setValue("decision", decision);
    form.clearErrors();
    void form.handleSubmit((values) =>
      startTransition(async () => {
        setError(undefined);
        const res = await props.action(values);
        if (!res.ok) return setError(applyServerErrors(form, res));
        router.refresh();
      }),
    )();
  };
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-2" aria-label={`Accept or reject: ${props.kindLabel}`}>
      <FormError message={error} />
      <Field id={id} label="Comment (required to reject)" error={errors.comment?.message}>
        <Textarea id={id} rows={2} aria-invalid={!!errors.comment} aria-describedby={errors.comment ? `${id}-error` : undefined} {...form.register("comment")} />
      </Field>
      <div className="flex gap-2">
        <Button type="button" size="sm" disabled={pending} onClick={() => decide("accept")}>
          Accept
        </Button>
        <Button type="button" size="sm" variant="danger" disabled={pending} onClick={() => decide("reject")}>
          Reject
        </Button>
      </div>
    </form>
  );
}
