"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { FormFooter } from "@/components/forms/form-footer";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { options } from "@/lib/campaigns/labels";
import { assignmentTypeLabels, distributionSchema, distributionTypeLabels, type DistributionInput } from "@/lib/distributions/schemas";
import { createDistributionAction, updateDistributionAction } from "./actions";
import { DistributionRowsFields, type EntityOption } from "./distribution-rows-fields";

function Options({ labels }: { labels: Record<string, string> }) {
  return options(labels).map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** A data distribution template (§6): a contact field's values, each handed to a local entity. */
export function DistributionForm(props: { id?: string; initial: DistributionInput; entities: EntityOption[] }) {
  const router = useRouter();
  const form = useForm<DistributionInput>({ resolver: zodResolver(distributionSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const type = useWatch({ control: form.control, name: "type" });
  const { onSubmit, formError, pending } = useSaveForm(
    form,
    (values) => (props.id ? updateDistributionAction({ ...values, id: props.id }) : createDistributionAction(values)),
    () => {
      router.push("/admin/data-distributions");
      router.refresh();
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormError message={formError} />
      <Card className="grid gap-4 md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-900 md:col-span-2">General</h2>
        <Field id="label" label="Label" error={errors.label?.message}>
          <Input id="label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field
          id="field"
          label="Distribution field"
          hint="A contact attribute (region, store…), or entity for the internal name of the contact's entity."
          error={errors.field?.message}
        >
          <Input id="field" list="distribution-fields" aria-invalid={!!errors.field} {...form.register("field")} />
        </Field>
        <datalist id="distribution-fields">
          <option value="entity">Entity (internal name)</option>
          <option value="email">Email</option>
        </datalist>
        <Field id="type" label="Distribution type" hint="Each row's limit is a number of contacts (Fixed size) or a share of the value's contacts (Percentage)." error={errors.type?.message}>
          <Select id="type" {...form.register("type", {
              // A limit valid as a count may not be as a percentage: re-check the rows once shown.
              onChange: () => {
                if (form.formState.isSubmitted) void form.trigger("rows");
              },
            })}>
            <Options labels={distributionTypeLabels} />
          </Select>
        </Field>
        <Field id="assignment" label="Assignment type" error={errors.assignment?.message}>
          <Select id="assignment" {...form.register("assignment")}>
            <Options labels={assignmentTypeLabels} />
          </Select>
        </Field>
        <div className="md:col-span-2">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="size-4 accent-blue-700" {...form.register("approveTargeted")} />
            Approve targeted messages
          </label>
          <p className="mt-1 text-xs text-slate-500">
            On a Local approval, the entity&apos;s contacts start checked, and an entity that never answers keeps them. Off, an entity that never answers sends
            nothing.
          </p>
        </div>
      </Card>
      <DistributionRowsFields form={form} entities={props.entities} percentage={type === "percentage"} />
      <FormFooter cancelHref="/admin/data-distributions" pending={pending} submitLabel={props.id ? "Save" : "Create data distribution"} />
    </form>
  );
}
