"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { invoiceSchema, invoiceStatuses, type InvoiceInput } from "@/lib/budgets/campaign-budget-schemas";
import { saveInvoiceAction } from "./actions";
import { invoiceStatusLabels } from "./format";
import { InlineEditForm, useInlineEditForm } from "./inline-edit-form";
import { InvoiceLinesFields } from "./invoice-lines-fields";
import { LabelledOptions, OptionalOptions } from "./select-options";

/** Adds or edits an invoice with its lines; a paid one needs the date it was paid. */
export function InvoiceForm(props: {
  initial: InvoiceInput;
  providers: { id: string; name: string }[];
  expenseLines: { id: string; label: string }[];
  currency: string;
  onDone: () => void;
}) {
  const { form, errors, shell } = useInlineEditForm<InvoiceInput>({ resolver: zodResolver(invoiceSchema), initial: props.initial, save: saveInvoiceAction, onDone: props.onDone });
  const status = useWatch({ control: form.control, name: "status" });

  return (
    <InlineEditForm {...shell} noun="invoice" editTitle={props.initial.invoiceId ? `Edit invoice ${props.initial.number}` : undefined} submitLabel="Save invoice">
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="invoice-number" label="Number" error={errors.number?.message}>
          <Input id="invoice-number" aria-invalid={!!errors.number} {...form.register("number")} />
        </Field>
        <Field id="invoice-provider" label="Provider" hint="Optional." error={errors.providerId?.message}>
          <Select id="invoice-provider" aria-invalid={!!errors.providerId} {...form.register("providerId")}>
            <OptionalOptions items={props.providers} label={(p) => p.name} />
          </Select>
        </Field>
        <Field id="invoice-issued" label="Issue date" error={errors.issuedOn?.message}>
          <Input id="invoice-issued" type="date" className="max-w-48" aria-invalid={!!errors.issuedOn} {...form.register("issuedOn")} />
        </Field>
        <Field id="invoice-status" label="Status" hint="Paid invoices count as Invoiced in the budget." error={errors.status?.message}>
          <Select id="invoice-status" aria-invalid={!!errors.status} {...form.register("status")}>
            <LabelledOptions values={invoiceStatuses} labels={invoiceStatusLabels} />
          </Select>
        </Field>
        {status === "paid" ? (
          <Field id="invoice-paid" label="Paid on" hint="Not before the issue date." error={errors.paidOn?.message}>
            <Input id="invoice-paid" type="date" className="max-w-48" aria-invalid={!!errors.paidOn} {...form.register("paidOn")} />
          </Field>
        ) : null}
      </div>
      <InvoiceLinesFields form={form} expenseLines={props.expenseLines} currency={props.currency} />
    </InlineEditForm>
  );
}
