"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { CheckboxList, type CheckboxOption } from "@/components/forms/checkbox-list";
import { FormFooter } from "@/components/forms/form-footer";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { packageFormSchema, type PackageFormInput } from "@/lib/packages/schemas";
import { createPackageAction, updatePackageAction } from "./actions";
import { ApprovalSection, ScheduleSection, Toggle } from "./package-sections";

type Option = { id: string; label: string };

export function PackageForm(props: { id?: string; initial: PackageFormInput; campaigns: Option[]; centralUsers: Option[]; entities: CheckboxOption[] }) {
  const router = useRouter();
  const form = useForm<PackageFormInput>({ resolver: zodResolver(packageFormSchema), defaultValues: props.initial });
  const { register, formState: { errors } } = form;
  const kind = props.initial.kind;
  const [audience, reviewers, limitToAudience] = useWatch({ control: form.control, name: ["audience", "reviewers", "limitToAudience"] });

  const { onSubmit, formError, pending } = useSaveForm(
    form,
    (values) => (props.id ? updatePackageAction({ ...values, id: props.id }) : createPackageAction(values)),
    (data) => {
      router.push(`/admin/packages/${data.id}`);
      router.refresh();
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormError message={formError} />
      <Card className="grid gap-4 md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-900 md:col-span-2">General</h2>
        <Field id="label" label="Label" error={errors.label?.message}>
          <Input id="label" aria-invalid={!!errors.label} {...register("label")} />
        </Field>
        <Field id="internalName" label="Internal name" error={errors.internalName?.message}>
          <Input id="internalName" aria-invalid={!!errors.internalName} {...register("internalName")} />
        </Field>
        <Field id="referenceCampaignId" label="Reference campaign" error={errors.referenceCampaignId?.message}>
          <Select id="referenceCampaignId" aria-invalid={!!errors.referenceCampaignId} {...register("referenceCampaignId")}>
            <option value="">Choose a campaign</option>
            {props.campaigns.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </Select>
        </Field>
        <Field id="folder" label="Folder" error={errors.folder?.message}>
          <Input id="folder" aria-invalid={!!errors.folder} {...register("folder")} />
        </Field>
        <Field id="assignedToId" label="Assigned to" error={errors.assignedToId?.message}>
          <Select id="assignedToId" {...register("assignedToId")}>
            <option value="">Nobody</option>
            {props.centralUsers.map((u) => (
              <option key={u.id} value={u.id}>{u.label}</option>
            ))}
          </Select>
        </Field>
        {kind === "collaborative" ? (
          <Field id="approvalMode" label="Approval mode" hint="Automatic pre-subscribes every audience entity at publication." error={errors.approvalMode?.message}>
            <Select id="approvalMode" {...register("approvalMode")}>
              <option value="manual">Manual</option>
              <option value="automatic">Automatic</option>
            </Select>
          </Field>
        ) : (
          <div className="space-y-3 pt-6">
            <Toggle label="Enable multiple creation" hint="Otherwise one order per entity." {...register("enableMultipleCreation")} />
            <Toggle label="Start targeting with order approval" {...register("startTargetingWithApproval")} />
          </div>
        )}
        <Field id="description" label="Description" error={errors.description?.message}>
          <Textarea id="description" rows={3} {...register("description")} />
        </Field>
        <Field id="messageForEntities" label="Message for local entities" error={errors.messageForEntities?.message}>
          <Textarea id="messageForEntities" rows={3} {...register("messageForEntities")} />
        </Field>
        <div className="md:col-span-2">
          <Toggle label="Send notification on publication" {...register("sendNotificationOnPublication")} />
        </div>
      </Card>
      <ScheduleSection register={register} errors={errors} kind={kind} />
      <Card className="space-y-3">
        <h2 className="text-sm font-semibold text-slate-900">Audience</h2>
        {kind === "local" ? <Toggle label="Limit the package to a set of local entities" {...register("limitToAudience")} /> : null}
        {kind === "collaborative" || limitToAudience ? (
          <CheckboxList
            name="audience"
            legend={kind === "collaborative" ? "Participating local entities" : "Local entities offered the package"}
            options={props.entities}
            value={audience}
            onChange={(ids) => form.setValue("audience", ids, { shouldDirty: true })}
            error={errors.audience?.message}
            searchable
          />
        ) : (
          <p className="text-sm text-slate-500">Offered to every local entity.</p>
        )}
      </Card>
      <Card className="space-y-4">
        <h2 className="text-sm font-semibold text-slate-900">Approval parameters</h2>
        <CheckboxList
          name="reviewers"
          legend="Reviewers"
          hint="Each is emailed an Accept or reject link on submission; the first answer decides."
          options={props.centralUsers}
          value={reviewers}
          onChange={(ids) => form.setValue("reviewers", ids, { shouldDirty: true })}
          error={errors.reviewers?.message}
        />
        <ApprovalSection register={register} errors={errors} />
      </Card>
      <FormFooter cancelHref={props.id ? `/admin/packages/${props.id}` : "/admin/packages"} pending={pending} submitLabel="Save" />
    </form>
  );
}
