"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ExpenseLineRow } from "@/lib/budgets/campaign-budget-queries";
import type { ExpenseLineInput } from "@/lib/budgets/campaign-budget-schemas";
import { removeExpenseLineAction } from "./actions";
import { ExpenseLineForm } from "./expense-line-form";
import { formatMoney, lineKindLabels, moneyInput } from "./format";
import { RemoveButton } from "./remove-button";

const valuesOf = (campaignId: string, l?: ExpenseLineRow): ExpenseLineInput =>
  l
    ? { campaignId, lineId: l.id, label: l.label, amount: moneyInput(l.amount), realAmount: moneyInput(l.realAmount), budgetCategoryId: l.budgetCategoryId ?? "" }
    : { campaignId, lineId: "", label: "", amount: "", realAmount: "", budgetCategoryId: "" };

/**
 * One page of the campaign's expense lines. The lines of deliveries and tasks are the Cost
 * calculation's and read-only; manual ones are edited in place, and **Add expense line** adds one.
 */
export function ExpenseLinesSection(props: { campaignId: string; rows: ExpenseLineRow[]; categories: { id: string; label: string }[] | null; currency: string; pager: React.ReactNode }) {
  const [editing, setEditing] = useState<string | null>(null);
  const current = editing && editing !== "new" ? props.rows.find((l) => l.id === editing) : undefined;
  const money = (v: string | null) => formatMoney(v, props.currency);
  const form = (l?: ExpenseLineRow) => (
    <ExpenseLineForm key={l?.id ?? "new"} initial={valuesOf(props.campaignId, l)} categories={props.categories} currency={props.currency} onDone={() => setEditing(null)} />
  );

  return (
    <div className="space-y-4">
      {props.rows.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm" aria-label="Expense lines">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Line</th>
                <th scope="col" className="px-3 py-2 font-medium">Kind</th>
                <th scope="col" className="px-3 py-2 font-medium">Budget category</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Amount</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Real amount</th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {props.rows.map((l) => (
                <tr key={l.id}>
                  <td className="px-3 py-2 font-medium text-slate-900">{l.label}</td>
                  <td className="px-3 py-2">
                    <Badge tone={l.kind === "manual" ? "gray" : "blue"}>{lineKindLabels[l.kind]}</Badge>
                  </td>
                  <td className="px-3 py-2 text-slate-600">{l.budgetCategoryLabel ?? "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(l.amount)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(l.realAmount)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    {l.kind === "manual" ? (
                      <>
                        <Button type="button" variant="ghost" size="sm" aria-label={`Edit expense line ${l.label}`} onClick={() => setEditing(l.id)}>
                          Edit
                        </Button>
                        <RemoveButton
                          what="expense line"
                          name={l.label}
                          consequence="Invoice lines linked to it keep their amount."
                          remove={() => removeExpenseLineAction({ campaignId: props.campaignId, lineId: l.id })}
                        />
                      </>
                    ) : (
                      <span className="text-xs text-slate-500">Kept by the Cost calculation</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-500">No expense line yet. Priced deliveries and tasks get theirs at the next Cost calculation; add other expenses by hand.</p>
      )}
      {props.pager}
      {editing === "new" ? form() : current ? form(current) : (
        <Button type="button" variant="secondary" onClick={() => setEditing("new")}>
          Add expense line
        </Button>
      )}
    </div>
  );
}
