"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions";
import { orderDecisionSchema } from "@/lib/orders/schemas";

// The reviewer's part of `reviewOrderSchema`: the order (or the link's token) and the version the
// page showed are bound into the server action, so the form holds only what the reviewer types.
const decisionSchema = orderDecisionSchema;
type DecisionInput = z.output<typeof decisionSchema>;

export type ReviewDecisionAction = (input: DecisionInput) => Promise<ActionResult<{ id: string; status: "approved" | "rejected" }>>;

/**
 * **Accept** or **Reject** an order (§4): a rejection needs a comment, which the entity receives.
 * The same panel serves the portal, the admin area and the email link; the caller passes the
 * server action with the order (or the link) already bound.
 */
export function OrderReviewPanel(props: {
  action: ReviewDecisionAction;
  /** Re-render the page after the decision (not on a link page: the spent link would show as used). */
  refresh?: boolean;
  /** Shown with the outcome, e.g. the order's page for someone arriving from an email. */
  after?: { href: string; label: string };
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<"approved" | "rejected">();
  const [pending, startTransition] = useTransition();
  const form = useForm<z.input<typeof decisionSchema>, unknown, DecisionInput>({ resolver: zodResolver(decisionSchema), defaultValues: { decision: "accept", comment: "" } });
  const { errors } = form.formState;

  const decide = (decision: DecisionInput["decision"]) => {
    form.setValue("decision", decision);
    form.clearErrors();
    void form.handleSubmit((values) =>
      startTransition(async () => {
        setError(undefined);
        const res = await props.action(values);
        if (!res.ok) {
          setError(applyServerErrors(form, res));
          return;
        }
        setOutcome(res.data.status);
        if (props.refresh ?? true) router.refresh();
      }),
    )();
  };

  if (outcome) {
    return (
      <div className="space-y-3">
        <FormSuccess message={outcome === "approved" ? "You accepted the order. The entity is told." : "You rejected the order. The entity receives your comment."} />
        {props.after ? (
          <Link href={props.after.href} className="inline-block text-sm font-medium text-blue-700 hover:underline">
            {props.after.label}
          </Link>
        ) : null}
      </div>
    );
  }
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-3" aria-label="Accept or reject">
      <FormError message={error} />
      <Field id="review-comment" label="Comment (required to reject)" error={errors.comment?.message}>
        <Textarea
          id="review-comment"
          rows={3}
          aria-invalid={!!errors.comment}
          aria-describedby={errors.comment ? "review-comment-error" : undefined}
          {...form.register("comment")}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="button" disabled={pending} onClick={() => decide("accept")}>
          Accept
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={() => decide("reject")}>
          Reject
        </Button>
      </div>
    </form>
  );
}
