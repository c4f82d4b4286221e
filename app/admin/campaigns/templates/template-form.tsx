"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import { CheckboxList } from "@/components/forms/checkbox-list";
import { FormFooter } from "@/components/forms/form-footer";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { collaborativeTypeLabels, distributionLevelLabels, options, webInterfaceTypeLabels } from "@/lib/campaigns/labels";
import { localEditableLabels, localEditableParts } from "@/lib/campaigns/local-schemas";
import { templateSchema, type TemplateInput } from "@/lib/campaigns/schemas";
import { createTemplateAction, updateTemplateAction } from "../actions";
import { PersonalizationFields } from "./personalization-fields";

function Options({ labels }: { labels: Record<string, string> }) {
  return options(labels).map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

export function TemplateForm(props: { id?: string; initial: TemplateInput }) {
  const router = useRouter();
  const form = useForm<TemplateInput>({ resolver: zodResolver(templateSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const level = useWatch({ control: form.control, name: "distributionLevel" });

  const { onSubmit, formError, pending } = useSaveForm(
    form,
    (values) => (props.id ? updateTemplateAction({ ...values, id: props.id }) : createTemplateAction(values)),
    (_data) => {
      router.push("/admin/campaigns/templates");
      router.refresh();
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormError message={formError} />
      <Card className="grid gap-4 md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-900 md:col-span-2">Details</h2>
        <Field id="label" label="Label" error={errors.label?.message}>
          <Input id="label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field id="internalName" label="Internal name" error={errors.internalName?.message}>
          <Input id="internalName" aria-invalid={!!errors.internalName} {...form.register("internalName")} />
        </Field>
      </Card>
      <Card className="grid gap-4 md:grid-cols-2">
        <div className="md:col-span-2">
          <h2 className="text-sm font-semibold text-slate-900">Distributed marketing</h2>
          <p className="text-xs text-slate-500">Advanced campaign settings: how local entities take part in campaigns made from this template.</p>
        </div>
        <Field id="distributionLevel" label="Distribution level" error={errors.distributionLevel?.message}>
          <Select id="distributionLevel" {...form.register("distributionLevel")}>
            <Options labels={distributionLevelLabels} />
          </Select>
        </Field>
        {level === "collaborative" ? (
          <Field id="collaborativeType" label="Collaborative type" error={errors.collaborativeType?.message}>
            <Select id="collaborativeType" aria-invalid={!!errors.collaborativeType} {...form.register("collaborativeType")}>
              <option value="">Choose…</option>
              <Options labels={collaborativeTypeLabels} />
            </Select>
          </Field>
        ) : (
          <div className="hidden md:block" />
        )}
        <Field id="webInterfaceType" label="Web interface type" error={errors.webInterfaceType?.message}>
          <Select id="webInterfaceType" {...form.register("webInterfaceType")}>
            <Options labels={webInterfaceTypeLabels} />
          </Select>
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <Field id="maxReviewers" label="Maximum number of reviewers" hint="0 = none." error={errors.maxReviewers?.message}>
            <Input id="maxReviewers" type="number" min={0} max={50} aria-invalid={!!errors.maxReviewers} {...form.register("maxReviewers", { valueAsNumber: true })} />
          </Field>
          <Field id="maxDocuments" label="Maximum number of documents" hint="0 = none." error={errors.maxDocuments?.message}>
            <Input id="maxDocuments" type="number" min={0} max={50} aria-invalid={!!errors.maxDocuments} {...form.register("maxDocuments", { valueAsNumber: true })} />
          </Field>
        </div>
        <div className="md:col-span-2">
          <Controller
            control={form.control}
            name="localEditable"
            render={({ field }) => (
              <CheckboxList
                name="localEditable"
                legend="Local entities may change"
                hint="On their own campaigns (local packages) and child campaigns (by campaign). What is not ticked stays as the central team set it."
                options={localEditableParts.map((p) => ({ id: p, label: localEditableLabels[p] }))}
                value={field.value}
                onChange={(ids) => field.onChange(ids)}
                error={errors.localEditable?.message ?? errors.localEditable?.root?.message}
              />
            )}
          />
        </div>
      </Card>
      <PersonalizationFields form={form} />
      <FormFooter cancelHref={"/admin/campaigns/templates"} pending={pending} submitLabel={props.id ? "Save" : "Create template"} />
    </form>
  );
}
