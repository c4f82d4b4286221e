"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormFooter } from "@/components/forms/form-footer";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { providerSchema, type ProviderInput } from "@/lib/providers/schemas";
import { createProviderAction, updateProviderAction } from "./actions";
import { CostCategoriesFields, type StockLineOption } from "./cost-categories-fields";
import { ExportColumnsFields } from "./export-columns-fields";

/** A service provider (§8): details, cost categories and structures, and its three processes. */
export function ProviderForm(props: { id?: string; initial: ProviderInput; stockLines: StockLineOption[] }) {
  const router = useRouter();
  const form = useForm<ProviderInput>({ resolver: zodResolver(providerSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(
    form,
    (values) => (props.id ? updateProviderAction({ ...values, id: props.id }) : createProviderAction(values)),
    () => {
      router.push("/admin/providers");
      router.refresh();
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormError message={formError} />
      <Card className="grid gap-4 md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-900 md:col-span-2">Details</h2>
        <Field id="name" label="Name" error={errors.name?.message}>
          <Input id="name" aria-invalid={!!errors.name} {...form.register("name")} />
        </Field>
        <Field id="contactEmails" label="Contact emails" hint="One address per line. The extraction file is emailed to each." error={errors.contactEmails?.message}>
          <Textarea id="contactEmails" rows={3} aria-invalid={!!errors.contactEmails} {...form.register("contactEmails")} />
        </Field>
      </Card>

      <CostCategoriesFields form={form} stockLines={props.stockLines} />

      <Card className="space-y-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">File extraction</h2>
          <p className="text-xs text-slate-500">The CSV made from a direct-mail delivery&apos;s target, one line per contact.</p>
        </div>
        <ExportColumnsFields form={form} />
        <Field
          id="fileNamePattern"
          label="File name pattern"
          hint="Placeholders: {delivery} (the delivery's label), {date} (YYYY-MM-DD), {provider}. Ends with .csv."
          error={errors.fileNamePattern?.message}
        >
          <Input id="fileNamePattern" className="max-w-md font-mono" aria-invalid={!!errors.fileNamePattern} {...form.register("fileNamePattern")} />
        </Field>
      </Card>

      <Card className="space-y-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Notification email to the provider</h2>
          <p className="text-xs text-slate-500">Sent to the contact emails with the approved file attached. Left empty, a standard subject and message are used.</p>
        </div>
        <Field id="notifySubject" label="Subject" error={errors.notifySubject?.message}>
          <Input id="notifySubject" aria-invalid={!!errors.notifySubject} {...form.register("notifySubject")} />
        </Field>
        <Field id="notifyBody" label="Message" error={errors.notifyBody?.message}>
          <Textarea id="notifyBody" rows={5} aria-invalid={!!errors.notifyBody} {...form.register("notifyBody")} />
        </Field>
      </Card>

      <Card className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-900">Post-processing</h2>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4 accent-blue-700" {...form.register("finishOnSend")} />
          Mark the delivery finished when the file is sent
        </label>
        <p className="text-xs text-slate-500">Otherwise the delivery stays Sent to provider until someone marks it finished, with the real cost the provider reports.</p>
      </Card>

      <FormFooter cancelHref="/admin/providers" pending={pending} submitLabel={props.id ? "Save" : "Create provider"} />
    </form>
  );
}
