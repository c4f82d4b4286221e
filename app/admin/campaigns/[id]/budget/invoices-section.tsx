"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { InvoiceRow } from "@/lib/budgets/campaign-budget-queries";
import { blankInvoiceLine, type InvoiceInput } from "@/lib/budgets/campaign-budget-schemas";
import { formatDay } from "@/lib/campaigns/labels";
import { removeInvoiceAction } from "./actions";
import { formatMoney, invoiceStatusLabels, invoiceStatusTones, moneyInput } from "./format";
import { InvoiceForm } from "./invoice-form";
import { RemoveButton } from "./remove-button";

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
  const [editing, setEditing] = useState<string | null>(null);
  const current = editing && editing !== "new" ? props.rows.find((i) => i.id === editing) : undefined;
  const money = (v: string | null) => formatMoney(v, props.currency);
  const form = (i?: InvoiceRow) => (
    <InvoiceForm
      key={i?.id ?? "new"}
      initial={valuesOf(props.campaignId, i)}
      providers={props.providers}
      expenseLines={props.expenseLines}
      currency={props.currency}
      onDone={() => setEditing(null)}
    />
  );

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Total of the invoices <span className="font-semibold tabular-nums">{money(props.totals.all)}</span>
        <span className="mx-2 text-slate-300">·</span>
        Paid <span className="font-semibold tabular-nums">{money(props.totals.paid)}</span>
      </p>
      {props.rows.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm" aria-label="Invoices">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Number</th>
                <th scope="col" className="px-3 py-2 font-medium">Provider</th>
                <th scope="col" className="px-3 py-2 font-medium">Issued</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="px-3 py-2 font-medium">Paid on</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Lines</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Total</th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {props.rows.map((i) => (
                <tr key={i.id}>
                  <td className="px-3 py-2 font-medium text-slate-900">{i.number}</td>
                  <td className="px-3 py-2 text-slate-600">{i.providerName ?? "—"}</td>
                  <td className="px-3 py-2">{formatDay(i.issuedOn)}</td>
                  <td className="px-3 py-2">
                    <Badge tone={invoiceStatusTones[i.status]}>{invoiceStatusLabels[i.status]}</Badge>
                  </td>
                  <td className="px-3 py-2">{formatDay(i.paidOn)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{i.lines.length}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(i.total)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    <Button type="button" variant="ghost" size="sm" aria-label={`Edit invoice ${i.number}`} onClick={() => setEditing(i.id)}>
                      Edit
                    </Button>
                    <RemoveButton what="invoice" name={i.number} consequence="Its lines go with it." remove={() => removeInvoiceAction({ campaignId: props.campaignId, invoiceId: i.id })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-500">No invoice yet.</p>
      )}
      {props.pager}
      {editing === "new" ? form() : current ? form(current) : (
        <Button type="button" variant="secondary" onClick={() => setEditing("new")}>
          Add invoice
        </Button>
      )}
    </div>
  );
}
