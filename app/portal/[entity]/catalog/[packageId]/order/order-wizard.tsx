"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { evaluateOrderTargetAction, previewOrderAction } from "@/app/portal/[entity]/orders/actions";
import type { CheckboxOption } from "@/components/forms/checkbox-list";
import { applyOrderErrors, OrderLabelFields, useOrderDetailsForm } from "@/components/orders/order-details-form";
import { OrderParameterSections } from "@/components/orders/order-parameter-sections";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { toOrderFormData } from "@/lib/orders/form-data";
import type { OrderTemplateLimits } from "@/lib/orders/parameters";
import { cn } from "@/lib/utils";
import { placeOrderAction } from "./actions";

const steps = [
  { n: 1, label: "Order" },
  { n: 2, label: "Parameters" },
] as const;

/**
 * Order the campaign / Register for the campaign (§4): step 1 the order's label and comment,
 * step 2 the personalization fields, reviewers and documents the template allows, then Validate.
 * Both steps stay mounted (the hidden one is `hidden`), so what was typed or chosen survives Back.
 */
export function OrderWizard(props: {
  entity: string;
  packageId: string;
  defaultLabel: string;
  limits: OrderTemplateLimits;
  operators: CheckboxOption[];
  cancelHref: string;
}) {
  const { limits } = props;
  const router = useRouter();
  const [step, setStep] = useState<1 | 2>(1);
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useOrderDetailsForm(limits, { label: props.defaultLabel });
  const takesNothing = !limits.fields.length && limits.maxReviewers <= 0 && limits.maxDocuments <= 0;

  const goTo = (n: 1 | 2) => {
    setStep(n);
    // Move focus to the new step, as a page change would.
    requestAnimationFrame(() => document.getElementById(`order-step-${n}`)?.focus());
  };
  const next = async () => {
    if (await form.trigger(["label", "comment"], { shouldFocus: true })) goTo(2);
  };

  const validate = form.handleSubmit(
    (values) =>
      startTransition(async () => {
        setMessage(undefined);
        const res = await placeOrderAction(toOrderFormData({ entity: props.entity, packageId: props.packageId }, values));
        if (!res.ok) {
          const applied = applyOrderErrors(form, res, limits, values, ["label", "comment"]);
          setMessage(applied.message);
          if (applied.first) goTo(1);
          return;
        }
        router.push(`/portal/${props.entity}/orders/${res.data.id}`);
      }),
    (invalid) => {
      if (invalid.label || invalid.comment) goTo(1);
    },
  );
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    // Enter on step one moves on, exactly like Next; only step two submits the order.
    if (step === 1) {
      e.preventDefault();
      void next();
      return;
    }
    void validate(e);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <ol className="flex flex-wrap items-center gap-3 text-sm" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s.n} className="flex items-center gap-3" aria-current={step === s.n ? "step" : undefined}>
            {i > 0 ? <span aria-hidden className="h-px w-8 bg-slate-300" /> : null}
            <span className={cn("flex items-center gap-2", step === s.n ? "font-semibold text-blue-800" : "text-slate-500")}>
              <span
                className={cn(
                  "inline-flex size-6 items-center justify-center rounded-full text-xs",
                  step === s.n ? "bg-blue-700 text-white" : step > s.n ? "bg-blue-100 text-blue-800" : "bg-slate-200 text-slate-600",
                )}
              >
                {s.n}
              </span>{" "}
              {s.label}
            </span>
          </li>
        ))}
      </ol>

      <FormError message={message} />

      <div hidden={step !== 1}>
        <Card className="space-y-4">
          <h2 id="order-step-1" tabIndex={-1} className="text-base font-semibold text-slate-900 outline-none">
            Order
          </h2>
          <OrderLabelFields form={form} hints={{ label: "How your entity finds this order later.", comment: "Optional: anything the reviewers should know." }} />
        </Card>
        <div className="mt-5 flex justify-between gap-2">
          <Button asChild variant="secondary">
            <Link href={props.cancelHref}>Cancel</Link>
          </Button>
          <Button type="button" onClick={() => void next()}>
            Next
          </Button>
        </div>
      </div>

      <div hidden={step !== 2} className="space-y-5">
        <h2 id="order-step-2" tabIndex={-1} className="sr-only">
          Parameters
        </h2>
        <OrderParameterSections
          form={form}
          limits={limits}
          operators={props.operators}
          entity={props.entity}
          packageId={props.packageId}
          evaluate={evaluateOrderTargetAction}
          preview={previewOrderAction}
          heading="h3"
        />

        {takesNothing ? (
          <Card>
            <p className="text-sm text-slate-600">This campaign needs no parameters: validate to send your order.</p>
          </Card>
        ) : null}

        <div className="flex justify-between gap-2">
          <Button type="button" variant="secondary" onClick={() => goTo(1)}>
            Back
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Sending…" : "Validate"}
          </Button>
        </div>
      </div>
    </form>
  );
}
