"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { invoiceSchema, invoiceStatuses, type InvoiceInput } from "@/lib/budgets/campaign-budget-schemas";
import { saveInvoiceAction } from "./actions";
import { invoiceStatusLabels } from "./format";
import { InvoiceLinesFields } from "./invoice-lines-fields";

/** Adds or edits an invoice with its lines; a paid one needs the date it was paid. */
export function InvoiceForm(props: {
  initial: InvoiceInput;
  providers: { id: string; name: string }[];
  expenseLines: { id: string; label: string }[];
  currency: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const form = useForm<InvoiceInput>({ resolver: zodResolver(invoiceSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(form, saveInvoiceAction, () => {
    props.onDone();
    router.refresh();
  });
  const status = useWatch({ control: form.control, name: "status" });
  const editing = !!props.initial.invoiceId;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label={editing ? "Edit invoice" : "New invoice"}>
      <h3 className="text-sm font-semibold text-slate-900">{editing ? `Edit invoice ${props.initial.number}` : "New invoice"}</h3>
      <FormError message={formError} />
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="invoice-number" label="Number" error={errors.number?.message}>
          <Input id="invoice-number" aria-invalid={!!errors.number} {...form.register("number")} />
        </Field>
        <Field id="invoice-provider" label="Provider" hint="Optional." error={errors.providerId?.message}>
          <Select id="invoice-provider" aria-invalid={!!errors.providerId} {...form.register("providerId")}>
            <option value="">None</option>
            {props.providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="invoice-issued" label="Issue date" error={errors.issuedOn?.message}>
          <Input id="invoice-issued" type="date" className="max-w-48" aria-invalid={!!errors.issuedOn} {...form.register("issuedOn")} />
        </Field>
        <Field id="invoice-status" label="Status" hint="Paid invoices count as Invoiced in the budget." error={errors.status?.message}>
          <Select id="invoice-status" aria-invalid={!!errors.status} {...form.register("status")}>
            {invoiceStatuses.map((s) => (
              <option key={s} value={s}>
                {invoiceStatusLabels[s]}
              </option>
            ))}
          </Select>
        </Field>
        {status === "paid" ? (
          <Field id="invoice-paid" label="Paid on" hint="Not before the issue date." error={errors.paidOn?.message}>
            <Input id="invoice-paid" type="date" className="max-w-48" aria-invalid={!!errors.paidOn} {...form.register("paidOn")} />
          </Field>
        ) : null}
      </div>
      <InvoiceLinesFields form={form} expenseLines={props.expenseLines} currency={props.currency} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={props.onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save invoice"}
        </Button>
      </div>
    </form>
  );
}
