import Link from "next/link";
import { CHILDREN_PER_PAGE, type listChildBudgets } from "@/lib/budgets/budgets-detail";
import type { SearchParams } from "@/lib/tables/params";
import { BudgetFiguresChart } from "../budget-figures-chart";

type Children = Awaited<ReturnType<typeof listChildBudgets>>;

/**
 * The budget's child budgets, each with its bar, a page at a time. The page is its own URL
 * parameter (?children=), since the campaigns table below owns ?page.
 */
export function ChildBudgets(props: { budgetId: string; list: Children; page: number; sp: SearchParams }) {
  const { rows, total } = props.list;
  const pages = Math.max(1, Math.ceil(total / CHILDREN_PER_PAGE));
  const href = (page: number) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(props.sp)) if (typeof v === "string" && k !== "children") next.set(k, v);
    if (page > 1) next.set("children", String(page));
    const q = next.toString();
    return `/admin/budgets/${props.budgetId}${q ? `?${q}` : ""}`;
  };
  return (
    <div className="space-y-3">
      <BudgetFiguresChart
        id="child-budgets"
        title="Child budgets"
        rows={rows.map((r) => ({ ...r, href: `/admin/budgets/${r.id}` }))}
        empty="No child budget. A budget becomes a child when another names it as its parent budget."
      />
      {total > CHILDREN_PER_PAGE ? (
        <nav aria-label="Child budgets pages" className="flex items-center justify-end gap-3 text-sm text-slate-600">
          {props.page > 1 ? (
            <Link href={href(props.page - 1)} scroll={false} className="text-blue-700 hover:underline">
              Previous
            </Link>
          ) : null}
          <span>
            Page {props.page} of {pages} · {total} child budgets
          </span>
          {props.page < pages ? (
            <Link href={href(props.page + 1)} scroll={false} className="text-blue-700 hover:underline">
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
