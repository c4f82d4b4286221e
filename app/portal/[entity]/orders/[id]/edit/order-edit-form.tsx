"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Paperclip } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import { CheckboxList, type CheckboxOption } from "@/components/forms/checkbox-list";
import { applyOrderServerErrors, DocumentsPicker, errorMessage, fileSize } from "@/components/orders/order-form-parts";
import { ParameterFields } from "@/components/orders/parameter-fields";
import { previewValues, TargetPanels } from "@/components/orders/target-panels";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { toOrderFormData } from "@/lib/orders/form-data";
import { initialParameters, orderDetailsSchema, type OrderDetailsForm, type OrderTemplateLimits, type ParameterValue } from "@/lib/orders/parameters";
import { cn } from "@/lib/utils";
import { editOwnOrderAction, evaluateOrderTargetAction, previewOrderAction } from "./actions";

type OrderDocument = { id: string; fileName: string; size: number };

/**
 * The entity changes its own order (§4) while it may: label, comment, personalization values,
 * reviewers and documents, on one page. A file field left empty keeps the file already attached;
 * general documents are kept unless marked Remove.
 */
export function OrderEditForm(props: {
  entity: string;
  orderId: string;
  packageId: string;
  limits: OrderTemplateLimits;
  operators: CheckboxOption[];
  initial: { label: string; comment: string; parameters: Record<string, ParameterValue>; reviewerIds: string[] };
  /** File personalization fields that hold a file on the order: field name → file name. */
  filesOnOrder: Record<string, string>;
  /** The order's general documents (not those of file fields). */
  documents: OrderDocument[];
  cancelHref: string;
}) {
  const { limits } = props;
  const router = useRouter();
  const [removing, setRemoving] = useState<string[]>([]);
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const kept = props.documents.length - removing.length;
  // The schema the server parses with, counting the files already on the order. `raw`: send what
  // was typed, which the server parses again (the parsed output is not what the schema takes).
  const resolver = useMemo(
    () => zodResolver(orderDetailsSchema(limits, { filesOnOrder: Object.keys(props.filesOnOrder), documentsOnOrder: kept }), undefined, { raw: true }) as Resolver<OrderDetailsForm>,
    [limits, props.filesOnOrder, kept],
  );
  const form = useForm<OrderDetailsForm>({
    resolver,
    defaultValues: {
      label: props.initial.label,
      comment: props.initial.comment,
      parameters: initialParameters(limits.fields, props.initial.parameters),
      reviewerIds: props.initial.reviewerIds,
      documents: [],
    },
  });
  const { errors } = form.formState;
  const hasFields = limits.fields.length > 0;
  const takesReviewers = limits.maxReviewers > 0;
  const takesDocuments = limits.maxDocuments > 0;

  const toggleRemoval = (id: string, on: boolean) => {
    setRemoving((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
    // The room for new documents changed: a "too many documents" error may no longer hold.
    if (form.formState.errors.documents) form.clearErrors("documents");
  };

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setMessage(undefined);
      const res = await editOwnOrderAction(
        toOrderFormData({ entity: props.entity, orderId: props.orderId, removeDocumentIds: removing }, values),
      );
      if (!res.ok) {
        const applied = applyOrderServerErrors(form, res, {
          fields: limits.fields.map((f) => f.name),
          reviewers: takesReviewers,
          documents: takesDocuments,
          documentNames: values.documents.map((d) => d.name),
        });
        setMessage(applied.message);
        return;
      }
      // The action revalidated the entity's orders, so the order page shows the saved values.
      router.push(props.cancelHref);
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <FormError message={message} />

      <Card className="space-y-4">
        <h2 className="text-base font-semibold text-slate-900">Order</h2>
        <Field id="order-label" label="Order label *" error={errors.label?.message}>
          <Input
            id="order-label"
            aria-invalid={Boolean(errors.label)}
            aria-required
            aria-describedby={errors.label ? "order-label-error" : undefined}
            {...form.register("label")}
          />
        </Field>
        <Field id="order-comment" label="Comment" error={errors.comment?.message}>
          <Textarea
            id="order-comment"
            rows={4}
            aria-invalid={Boolean(errors.comment)}
            aria-describedby={errors.comment ? "order-comment-error" : undefined}
            {...form.register("comment")}
          />
        </Field>
      </Card>

      {hasFields ? (
        <Card className="space-y-4">
          <div>
            <h2 className="text-base font-semibold text-slate-900">Personalization</h2>
            <p className="text-sm text-slate-600">The values your entity&apos;s messages use. Fields marked * are required.</p>
          </div>
          <ParameterFields fields={limits.fields} register={form.register} control={form.control} errors={errors} filesOnOrder={props.filesOnOrder} />
          <TargetPanels
            entity={props.entity}
            packageId={props.packageId}
            evaluate={evaluateOrderTargetAction}
            preview={previewOrderAction}
            parameters={() => previewValues(form.getValues("parameters"), props.filesOnOrder)}
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

      {takesDocuments || props.documents.length ? (
        <Card className="space-y-4">
          <div>
            <h2 className="text-base font-semibold text-slate-900">Documents</h2>
            <p className="text-sm text-slate-600">
              {takesDocuments ? `Up to ${limits.maxDocuments} in all, 10 MB each.` : "This campaign no longer takes documents: you can only remove them."}
            </p>
          </div>
          {props.documents.length ? (
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Attached documents">
              {props.documents.map((d) => {
                const marked = removing.includes(d.id);
                return (
                  <li key={d.id} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
                    <span className={cn("flex min-w-0 items-center gap-1.5", marked && "text-slate-400 line-through")}>
                      <Paperclip className="size-3.5 shrink-0" aria-hidden />
                      <span className="truncate">{d.fileName}</span>
                      <span className="shrink-0 text-xs no-underline">{fileSize(d.size)}</span>
                    </span>
                    <label className="flex shrink-0 cursor-pointer items-center gap-1.5 text-xs text-slate-700">
                      <input type="checkbox" className="size-4 accent-red-700" checked={marked} onChange={(e) => toggleRemoval(d.id, e.target.checked)} />
                      Remove<span className="sr-only"> {d.fileName}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {takesDocuments ? (
            <Controller
              control={form.control}
              name="documents"
              render={({ field }) => (
                <DocumentsPicker
                  id="order-documents"
                  label={props.documents.length ? "Add documents" : "Documents"}
                  hint={`${Math.max(0, limits.maxDocuments - kept)} more can be attached.`}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errorMessage(errors.documents)}
                />
              )}
            />
          ) : null}
        </Card>
      ) : null}

      <div className="flex justify-between gap-2">
        <Button asChild variant="secondary">
          <Link href={props.cancelHref}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
