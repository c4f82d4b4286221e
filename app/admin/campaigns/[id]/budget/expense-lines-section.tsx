"use client";

import { Badge } from "@/components/ui/badge";
import type { ExpenseLineRow } from "@/lib/budgets/campaign-budget-queries";
import type { ExpenseLineInput } from "@/lib/budgets/campaign-budget-schemas";
import { removeExpenseLineAction } from "./actions";
import { ExpenseLineForm } from "./expense-line-form";
import { formatMoney, lineKindLabels, moneyInput } from "./format";
import { InlineEditTable } from "./inline-edit-table";

const valuesOf = (campaignId: string, l?: ExpenseLineRow): ExpenseLineInput =>
  l
    ? { campaignId, lineId: l.id, label: l.label, amount: moneyInput(l.amount), realAmount: moneyInput(l.realAmount), budgetCategoryId: l.budgetCategoryId ?? "" }
    : { campaignId, lineId: "", label: "", amount: "", realAmount: "", budgetCategoryId: "" };

/**
 * One page of the campaign's expense lines. The lines of deliveries and tasks are the Cost
 * calculation's and read-only; manual ones are edited in place, and **Add expense line** adds one.
 */
export function ExpenseLinesSection(props: { campaignId: string; rows: ExpenseLineRow[]; categories: { id: string; label: string }[] | null; currency: string; pager: React.ReactNode }) {
  const money = (v: string | null) => formatMoney(v, props.currency);
  return (
    <InlineEditTable
      label="Expense lines"
      noun="expense line"
      columns={[{ label: "Line" }, { label: "Kind" }, { label: "Budget category" }, { label: "Amount", numeric: true }, { label: "Real amount", numeric: true }]}
      rows={props.rows}
      cells={(l) => (
        <>
          <td className="px-3 py-2 font-medium text-slate-900">{l.label}</td>
          <td className="px-3 py-2">
            <Badge tone={l.kind === "manual" ? "gray" : "blue"}>{lineKindLabels[l.kind]}</Badge>
          </td>
          <td className="px-3 py-2 text-slate-600">{l.budgetCategoryLabel ?? "—"}</td>
          <td className="px-3 py-2 text-right tabular-nums">{money(l.amount)}</td>
          <td className="px-3 py-2 text-right tabular-nums">{money(l.realAmount)}</td>
        </>
      )}
      nameOf={(l) => l.label}
      lockedBecause={(l) => (l.kind === "manual" ? undefined : "Kept by the Cost calculation")}
      removal={{ consequence: "Invoice lines linked to it keep their amount.", remove: (l) => removeExpenseLineAction({ campaignId: props.campaignId, lineId: l.id }) }}
      form={(l, done) => <ExpenseLineForm initial={valuesOf(props.campaignId, l)} categories={props.categories} currency={props.currency} onDone={done} />}
      empty="No expense line yet. Priced deliveries and tasks get theirs at the next Cost calculation; add other expenses by hand."
      pager={props.pager}
    />
  );
}
