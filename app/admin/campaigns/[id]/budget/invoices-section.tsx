"use client";

import { Badge } from "@/components/ui/badge";
import type { InvoiceRow } from "@/lib/budgets/campaign-budget-queries";
import { blankInvoiceLine, type InvoiceInput } from "@/lib/budgets/campaign-budget-schemas";
import { formatDay } from "@/lib/utils";
import { removeInvoiceAction } from "./actions";
import { formatMoney, invoiceStatusLabels, invoiceStatusTones, moneyInput } from "./format";
import { InlineEditTable } from "./inline-edit-table";
import { InvoiceForm } from "./invoice-form";

const valuesOf = (campaignId: string, i?: InvoiceRow): InvoiceInput =>
  i
    ? {
        campaignId,
        invoiceId: i.id,
        number: i.number,
        providerId: i.providerId ?? "",
        issuedOn: i.issuedOn,
        status: i.status,
        paidOn: i.paidOn ?? "",
        lines: i.lines.map((l) => ({ label: l.label, amount: moneyInput(l.amount), expenseLineId: l.expenseLineId ?? "" })),
      }
    : { campaignId, invoiceId: "", number: "", providerId: "", issuedOn: new Date().toISOString().slice(0, 10), status: "received", paidOn: "", lines: [blankInvoiceLine()] };

/** One page of the campaign's invoices with their totals; each edited in place, and **Add invoice**. */
export function InvoicesSection(props: {
  campaignId: string;
  rows: InvoiceRow[];
  totals: { all: string; paid: string };
  providers: { id: string; name: string }[];
  expenseLines: { id: string; label: string }[];
  currency: string;
  pager: React.ReactNode;
}) {
  const money = (v: string | null) => formatMoney(v, props.currency);
  return (
    <InlineEditTable
      label="Invoices"
      noun="invoice"
      summary={
        <p className="text-sm text-slate-700">
          Total of the invoices <span className="font-semibold tabular-nums">{money(props.totals.all)}</span>
          <span className="mx-2 text-slate-300">·</span>
          Paid <span className="font-semibold tabular-nums">{money(props.totals.paid)}</span>
        </p>
      }
      columns={[
        { label: "Number" },
        { label: "Provider" },
        { label: "Issued" },
        { label: "Status" },
        { label: "Paid on" },
        { label: "Lines", numeric: true },
        { label: "Total", numeric: true },
      ]}
      rows={props.rows}
      cells={(i) => (
        <>
          <td className="px-3 py-2 font-medium text-slate-900">{i.number}</td>
          <td className="px-3 py-2 text-slate-600">{i.providerName ?? "—"}</td>
          <td className="px-3 py-2">{formatDay(i.issuedOn)}</td>
          <td className="px-3 py-2">
            <Badge tone={invoiceStatusTones[i.status]}>{invoiceStatusLabels[i.status]}</Badge>
          </td>
          <td className="px-3 py-2">{formatDay(i.paidOn)}</td>
          <td className="px-3 py-2 text-right tabular-nums">{i.lines.length}</td>
          <td className="px-3 py-2 text-right tabular-nums">{money(i.total)}</td>
        </>
      )}
      nameOf={(i) => i.number}
      removal={{ consequence: "Its lines go with it.", remove: (i) => removeInvoiceAction({ campaignId: props.campaignId, invoiceId: i.id }) }}
      form={(i, done) => (
        <InvoiceForm initial={valuesOf(props.campaignId, i)} providers={props.providers} expenseLines={props.expenseLines} currency={props.currency} onDone={done} />
      )}
      empty="No invoice yet."
      pager={props.pager}
    />
  );
}
