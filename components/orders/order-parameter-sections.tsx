"use client";

import type { ReactNode } from "react";
import { Controller, type UseFormReturn } from "react-hook-form";
import { CheckboxList, type CheckboxOption } from "@/components/forms/checkbox-list";
import { DocumentsPicker, errorMessage } from "@/components/orders/order-form-parts";
import { ParameterFields } from "@/components/orders/parameter-fields";
import { previewValues, TargetPanels, type EvaluateTargetAction, type PreviewOrderAction } from "@/components/orders/target-panels";
import { Card } from "@/components/ui/card";
import type { OrderDetailsForm, OrderTemplateLimits } from "@/lib/orders/parameters";

/**
 * The Personalization, Reviewers and Documents cards of an order, each only when the template
 * takes it. The wizard's step two nests them under its own h2, hence `heading`.
 */
export function OrderParameterSections(props: {
  form: UseFormReturn<OrderDetailsForm>;
  limits: OrderTemplateLimits;
  operators: CheckboxOption[];
  entity: string;
  packageId: string;
  evaluate: EvaluateTargetAction;
  preview: PreviewOrderAction;
  heading: "h2" | "h3";
  /** File fields that already hold a file on the order: field name → file name. */
  filesOnOrder?: Record<string, string>;
  /** On the edit page, the documents already attached (their list, each with Remove) and how many stay. */
  attached?: { list: ReactNode; count: number; kept: number };
}) {
  const { form, limits, attached } = props;
  const { errors } = form.formState;
  const Heading = props.heading;
  const takesDocuments = limits.maxDocuments > 0;
  return (
    <>
      {limits.fields.length ? (
        <Card className="space-y-4">
          <div>
            <Heading className="text-base font-semibold text-slate-900">Personalization</Heading>
            <p className="text-sm text-slate-600">The values your entity&apos;s messages use. Fields marked * are required.</p>
          </div>
          <ParameterFields fields={limits.fields} register={form.register} control={form.control} errors={errors} filesOnOrder={props.filesOnOrder} />
          <TargetPanels
            entity={props.entity}
            packageId={props.packageId}
            evaluate={props.evaluate}
            preview={props.preview}
            parameters={() => previewValues(form.getValues("parameters"), props.filesOnOrder)}
          />
        </Card>
      ) : null}

      {limits.maxReviewers > 0 ? (
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

      {/* Documents no longer taken can still be removed from the order. */}
      {takesDocuments || attached?.count ? (
        <Card className="space-y-4">
          {attached ? (
            <div>
              <Heading className="text-base font-semibold text-slate-900">Documents</Heading>
              <p className="text-sm text-slate-600">
                {takesDocuments ? `Up to ${limits.maxDocuments} in all, 10 MB each.` : "This campaign no longer takes documents: you can only remove them."}
              </p>
            </div>
          ) : null}
          {attached?.count ? attached.list : null}
          {takesDocuments ? (
            <Controller
              control={form.control}
              name="documents"
              render={({ field }) => (
                <DocumentsPicker
                  id="order-documents"
                  label={attached?.count ? "Add documents" : "Documents"}
                  hint={attached ? `${Math.max(0, limits.maxDocuments - attached.kept)} more can be attached.` : `Up to ${limits.maxDocuments} files, 10 MB each.`}
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
    </>
  );
}
