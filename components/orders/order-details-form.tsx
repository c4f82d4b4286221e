"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useForm, type Resolver, type UseFormReturn } from "react-hook-form";
import { applyOrderServerErrors } from "@/components/orders/order-form-parts";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { initialParameters, orderDetailsSchema, type OrderDetailsForm, type OrderTemplateLimits, type ParameterValue } from "@/lib/orders/parameters";

type OrderForm = UseFormReturn<OrderDetailsForm>;

/**
 * The order form of the wizard and of the edit page, checked with the schema the server parses
 * with. On an existing order the files already attached count: a file field may stay empty, and
 * fewer new documents fit. `raw`: send what was typed, which the server parses again (the parsed
 * output, e.g. a number field as a number, is not what the schema takes as input).
 */
export function useOrderDetailsForm(
  limits: OrderTemplateLimits,
  initial: { label: string; comment?: string; parameters?: Record<string, ParameterValue>; reviewerIds?: string[] },
  filesOnOrder?: Record<string, string>,
  documentsOnOrder = 0,
): OrderForm {
  const resolver = useMemo(
    () => zodResolver(orderDetailsSchema(limits, { filesOnOrder: Object.keys(filesOnOrder ?? {}), documentsOnOrder }), undefined, { raw: true }) as Resolver<OrderDetailsForm>,
    [limits, filesOnOrder, documentsOnOrder],
  );
  return useForm<OrderDetailsForm>({
    resolver,
    defaultValues: {
      label: initial.label,
      comment: initial.comment ?? "",
      parameters: initialParameters(limits.fields, initial.parameters),
      reviewerIds: initial.reviewerIds ?? [],
      documents: [],
    },
  });
}

/**
 * The server's field errors on the fields the form shows; `sent` names the documents by the index
 * the server reports, and `first` is the wizard's step one.
 */
export function applyOrderErrors(
  form: OrderForm,
  res: { error: string; fieldErrors?: Record<string, string> },
  limits: OrderTemplateLimits,
  sent: OrderDetailsForm,
  first?: string[],
) {
  return applyOrderServerErrors(form, res, {
    fields: limits.fields.map((f) => f.name),
    reviewers: limits.maxReviewers > 0,
    documents: limits.maxDocuments > 0,
    documentNames: sent.documents.map((d) => d.name),
    first,
  });
}

/** The order's label and comment; the wizard adds hints, the edit page does without. */
export function OrderLabelFields({ form, hints }: { form: OrderForm; hints?: { label: string; comment: string } }) {
  const { errors } = form.formState;
  return (
    <>
      <Field id="order-label" label="Order label *" hint={hints?.label} error={errors.label?.message}>
        <Input
          id="order-label"
          aria-invalid={Boolean(errors.label)}
          aria-required
          aria-describedby={errors.label ? "order-label-error" : undefined}
          {...form.register("label")}
        />
      </Field>
      <Field id="order-comment" label="Comment" hint={hints?.comment} error={errors.comment?.message}>
        <Textarea
          id="order-comment"
          rows={4}
          aria-invalid={Boolean(errors.comment)}
          aria-describedby={errors.comment ? "order-comment-error" : undefined}
          {...form.register("comment")}
        />
      </Field>
    </>
  );
}
