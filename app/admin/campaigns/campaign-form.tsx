"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { TargetingEditor, TargetingSummary } from "@/components/campaigns/targeting-editor";
import { TypologyEditor } from "@/components/campaigns/typology-editor";
import { FormFooter } from "@/components/forms/form-footer";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { campaignTypeLabels, options } from "@/lib/campaigns/labels";
import { campaignSchema, type CampaignInput } from "@/lib/campaigns/schemas";
import type { WorkflowEditorOptions } from "@/lib/workflows/graph-options";
import { createCampaignAction, updateCampaignAction } from "./actions";
import { RecurrenceFields } from "./recurrence-fields";
import { WorkflowCard } from "./workflow-card";

type Option = { id: string; label: string };

function OptionList({ items }: { items: Option[] }) {
  return items.map((o) => (
    <option key={o.id} value={o.id}>
      {o.label}
    </option>
  ));
}

export function CampaignForm(props: { id?: string; initial: CampaignInput; programs: Option[]; templates: Option[]; managers: Option[]; workflowOptions: WorkflowEditorOptions; workflowStatus?: string; workflowLocked?: boolean }) {
  const router = useRouter();
  const form = useForm<CampaignInput>({ resolver: zodResolver(campaignSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const targeting = useWatch({ control: form.control, name: "targeting" });

  const { onSubmit, formError, pending } = useSaveForm(
    form,
    (values) => (props.id ? updateCampaignAction({ ...values, id: props.id }) : createCampaignAction(values)),
    (_data) => {
      router.push("/admin/campaigns");
      router.refresh();
    },
  );

  const select = (name: "programId" | "templateId" | "managerId", label: string, items: Option[], empty: string, hint?: string) => (
    <Field id={name} label={label} hint={hint} error={errors[name]?.message}>
      <Select id={name} aria-invalid={!!errors[name]} {...form.register(name)}>
        <option value="">{empty}</option>
        <OptionList items={items} />
      </Select>
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormError message={formError} />
      <Card className="grid gap-4 md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-900 md:col-span-2">General</h2>
        <Field id="label" label="Label" error={errors.label?.message}>
          <Input id="label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field id="internalName" label="Internal name" error={errors.internalName?.message}>
          <Input id="internalName" aria-invalid={!!errors.internalName} {...form.register("internalName")} />
        </Field>
        {select("programId", "Program", props.programs, "Choose…", props.programs.length ? undefined : "Create a plan and a program first.")}
        {select("templateId", "Campaign template", props.templates, "Choose…", "Sets the distribution level and the personalization fields.")}
        {select("managerId", "Manager", props.managers, "No manager")}
        <Field id="type" label="Type" error={errors.type?.message}>
          <Select id="type" {...form.register("type")}>
            {options(campaignTypeLabels).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <RecurrenceFields form={form} />
        <Field id="startDate" label="Start" error={errors.startDate?.message}>
          <Input id="startDate" type="date" aria-invalid={!!errors.startDate} {...form.register("startDate")} />
        </Field>
        <Field id="endDate" label="End" error={errors.endDate?.message}>
          <Input id="endDate" type="date" aria-invalid={!!errors.endDate} {...form.register("endDate")} />
        </Field>
      </Card>
      <Card className="space-y-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Message</h2>
          <p className="text-xs text-slate-500">What the deliveries send. Local campaigns and subscribed entities use it with their own values.</p>
        </div>
        <Field id="content-subject" label="Subject" error={errors.content?.subject?.message}>
          <Input id="content-subject" aria-invalid={!!errors.content?.subject} {...form.register("content.subject")} />
        </Field>
        <Field
          id="content-body"
          label="Body"
          hint="Placeholders such as {{firstName}}, {{lastName}} or {{email}} take each contact's values; a personalization field such as {{storeName}} takes the entity's value."
          error={errors.content?.body?.message}
        >
          <Textarea id="content-body" rows={8} aria-invalid={!!errors.content?.body} {...form.register("content.body")} />
        </Field>
      </Card>
      <WorkflowCard form={form} status={props.workflowStatus} locked={props.workflowLocked ?? false} options={props.workflowOptions} />
      <Card className="space-y-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Targeting</h2>
          <p className="text-xs text-slate-500">
            {props.workflowLocked
              ? "The workflow is no longer being edited: its targeting cannot change."
              : "The Query activity's filter over each entity's contacts: every condition must hold."}
          </p>
        </div>
        {props.workflowLocked ? (
          <>
            <TargetingSummary targeting={targeting ?? []} />
            {errors.targeting?.message ? (
              <p role="alert" className="text-sm text-red-700">
                {errors.targeting.message}
              </p>
            ) : null}
          </>
        ) : (
          <TargetingEditor control={form.control} register={form.register} errors={errors.targeting} name="targeting" />
        )}
      </Card>
      <Card className="space-y-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Typology rules</h2>
          <p className="text-xs text-slate-500">Filters applied to each delivery&apos;s target.</p>
        </div>
        <TypologyEditor control={form.control} register={form.register} errors={errors.typology} name="typology" />
      </Card>
      <FormFooter cancelHref={"/admin/campaigns"} pending={pending} submitLabel={props.id ? "Save" : "Create campaign"} />
    </form>
  );
}
