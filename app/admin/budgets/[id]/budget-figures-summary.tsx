import type { BudgetDetail } from "@/lib/budgets/budgets-detail";
import { bucketLabels, buckets, formatMoney } from "@/lib/budgets/budgets-format";
import { BudgetFiguresChart } from "../budget-figures-chart";

/** The budget's figures as budgetMgt left them: the bar, then each amount in words. */
export function BudgetFiguresSummary({ budget }: { budget: BudgetDetail }) {
  const money = (v: string) => formatMoney(v, budget.currency);
  const over = budget.remaining.startsWith("-");
  const items: [string, string, string?][] = [
    ["Allocated", money(budget.allocated)],
    ...buckets.map((b): [string, string] => [bucketLabels[b], money(budget[b])]),
    ["Invoiced", money(budget.invoiced)],
    ["Remaining", money(budget.remaining), over ? "text-red-700" : undefined],
  ];
  return (
    <div className="space-y-4">
      <BudgetFiguresChart id="budget-figures" title="Figures" description="Including its child budgets' figures." rows={[budget]} empty="" />
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4 lg:grid-cols-7">
        {items.map(([label, value, tone]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className={`text-sm font-semibold tabular-nums ${tone ?? "text-slate-900"}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
