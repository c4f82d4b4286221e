"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions";
import { approvalKindLabels } from "@/lib/deliveries/labels";
import { linkDecisionsSchema, type ApprovalKind, type LinkDecisionsInput } from "@/lib/deliveries/schemas";

/**
 * **Accept or reject** every approval the link asks for, in one answer: the link works once.
 * Each kind needs a choice; a rejection needs a comment, which the delivery's editors read.
 */
export function DeliveryReviewForm(props: { kinds: ApprovalKind[]; after: { href: string; label: string }; action: (input: LinkDecisionsInput) => Promise<ActionResult<{ status: string }>> }) {
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<LinkDecisionsInput>({
    resolver: zodResolver(linkDecisionsSchema),
    // No choice made for the reviewer: each kind starts unanswered.
    defaultValues: { decisions: props.kinds.map((kind) => ({ kind, decision: undefined as unknown as "accept", comment: "" })) },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setError(undefined);
      const res = await props.action(values);
      if (!res.ok) return setError(applyServerErrors(form, res));
      setOutcome(
        res.data.status === "being_edited"
          ? "Your answer is recorded: the delivery goes back to its editors with your comment."
          : res.data.status === "pending_confirmation"
            ? "Your answer is recorded: the delivery is approved."
            : "Your answer is recorded. Other approvals of this delivery still wait for an answer.",
      );
    }),
  );
  if (outcome) {
    return (
      <div className="space-y-3">
        <FormSuccess message={outcome} />
        <Link href={props.after.href} className="inline-block text-sm font-medium text-blue-700 hover:underline">
          {props.after.label}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Accept or reject">
      <FormError message={error} />
      {props.kinds.map((kind, i) => {
        const e = errors.decisions?.[i];
        const id = `decision-${kind}`;
        return (
          <fieldset key={kind} className="space-y-2 rounded-md border border-slate-200 p-3" aria-describedby={e?.decision ? `${id}-error` : undefined}>
            <legend className="px-1 text-sm font-medium text-slate-900">{approvalKindLabels[kind]}</legend>
            <div className="flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" value="accept" className="accent-blue-700" {...form.register(`decisions.${i}.decision`)} /> Accept
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" value="reject" className="accent-red-700" {...form.register(`decisions.${i}.decision`)} /> Reject
              </label>
            </div>
            {e?.decision ? (
              <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
                {e.decision.message}
              </p>
            ) : null}
            <Field id={`${id}-comment`} label="Comment (required to reject)" error={e?.comment?.message}>
              <Textarea
                id={`${id}-comment`}
                rows={2}
                aria-invalid={!!e?.comment}
                aria-describedby={e?.comment ? `${id}-comment-error` : undefined}
                {...form.register(`decisions.${i}.comment`)}
              />
            </Field>
          </fieldset>
        );
      })}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send my answer"}
      </Button>
    </form>
  );
}
