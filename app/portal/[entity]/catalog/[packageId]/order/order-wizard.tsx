"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition, type FormEvent } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { CheckboxList, type CheckboxOption } from "@/components/forms/checkbox-list";
import { applyOrderServerErrors, DocumentsPicker, errorMessage } from "@/components/orders/order-form-parts";
import { ParameterFields } from "@/components/orders/parameter-fields";
import { previewValues, TargetPanels } from "@/components/orders/target-panels";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { toOrderFormData } from "@/lib/orders/form-data";
import { initialParameters, orderDetailsSchema, type OrderDetailsForm, type OrderTemplateLimits } from "@/lib/orders/parameters";
import { cn } from "@/lib/utils";
import { evaluateOrderTargetAction, placeOrderAction, previewOrderAction } from "./actions";

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
  // The schema the server parses with. `raw`: send what was typed, which the server parses again
  // (the parsed output, e.g. a number field as a number, is not what the schema takes as input).
  const resolver = useMemo(() => zodResolver(orderDetailsSchema(limits), undefined, { raw: true }) as Resolver<OrderDetailsForm>, [limits]);
  const form = useForm<OrderDetailsForm>({
    resolver,
    defaultValues: { label: props.defaultLabel, comment: "", parameters: initialParameters(limits.fields), reviewerIds: [], documents: [] },
  });
  const { errors } = form.formState;
  const hasFields = limits.fields.length > 0;
  const takesReviewers = limits.maxReviewers > 0;
  const takesDocuments = limits.maxDocuments > 0;

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
          const applied = applyOrderServerErrors(form, res, {
            fields: limits.fields.map((f) => f.name),
            reviewers: takesReviewers,
            documents: takesDocuments,
            documentNames: values.documents.map((d) => d.name),
            first: ["label", "comment"],
          });
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
          <Field id="order-label" label="Order label *" hint="How your entity finds this order later." error={errors.label?.message}>
            <Input
              id="order-label"
              aria-invalid={Boolean(errors.label)}
              aria-required
              aria-describedby={errors.label ? "order-label-error" : undefined}
              {...form.register("label")}
            />
          </Field>
          <Field id="order-comment" label="Comment" hint="Optional: anything the reviewers should know." error={errors.comment?.message}>
            <Textarea
              id="order-comment"
              rows={4}
              aria-invalid={Boolean(errors.comment)}
              aria-describedby={errors.comment ? "order-comment-error" : undefined}
              {...form.register("comment")}
            />
          </Field>
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
        {hasFields ? (
          <Card className="space-y-4">
            <div>
              <h3 className="text-base font-semibold text-slate-900">Personalization</h3>
              <p className="text-sm text-slate-600">The values your entity&apos;s messages use. Fields marked * are required.</p>
            </div>
            <ParameterFields fields={limits.fields} register={form.register} control={form.control} errors={errors} />
            <TargetPanels
              entity={props.entity}
              packageId={props.packageId}
              evaluate={evaluateOrderTargetAction}
              preview={previewOrderAction}
              parameters={() => previewValues(form.getValues("parameters"))}
            />
          </Card>
        ) : null}

        {takesReviewers ? (
          <Card>
            <Controller
              control={form.control}
              name="reviewerIds"
              render={({ field }) => (
                <CheckboxList
                  name="reviewerIds"
                  legend="Reviewers"
                  hint={`Up to ${limits.maxReviewers}. The operators of your entity who should look at this order.`}
                  options={props.operators}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.reviewerIds?.message}
                  emptyText="Your entity has no operators to choose from."
                  searchable={props.operators.length > 8}
                />
              )}
            />
          </Card>
        ) : null}

        {takesDocuments ? (
          <Card>
            <Controller
              control={form.control}
              name="documents"
              render={({ field }) => (
                <DocumentsPicker
                  id="order-documents"
                  label="Documents"
                  hint={`Up to ${limits.maxDocuments} files, 10 MB each.`}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errorMessage(errors.documents)}
                />
              )}
            />
          </Card>
        ) : null}

        {!hasFields && !takesReviewers && !takesDocuments ? (
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
