import Link from "next/link";
import { orderStatuses, type OrderStatus } from "@/db/schema/orders";
import { orderStatusLabels } from "@/lib/orders/labels";
import type { SearchParams } from "@/lib/tables/params";
import { cn } from "@/lib/utils";

// A quick link keeps the search, sort and page size but starts again at page 1.
function hrefFor(base: string, sp: SearchParams, status: OrderStatus | undefined): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    if (k === "page" || k === "status" || v == null) continue;
    for (const one of [v].flat()) next.append(k, one);
  }
  if (status) next.set("status", status);
  const qs = next.toString();
  return qs ? `${base}?${qs}` : base;
}

/** Status filter quick links, each with the entity's count of orders in that status. */
export function OrderStatusLinks(props: { base: string; sp: SearchParams; active: OrderStatus | undefined; counts: Record<OrderStatus, number> }) {
  const total = orderStatuses.reduce((s, k) => s + props.counts[k], 0);
  const links: { key: OrderStatus | undefined; label: string; n: number }[] = [
    { key: undefined, label: "All", n: total },
    ...orderStatuses.map((s) => ({ key: s, label: orderStatusLabels[s], n: props.counts[s] })),
  ];
  return (
    <nav aria-label="Quick links" className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => {
          const active = l.key === props.active;
          return (
            <li key={l.key ?? "all"}>
              <Link
                href={hrefFor(props.base, props.sp, l.key)}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-medium transition-colors",
                  active ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100",
                )}
              >
                {l.label}
                <span className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-blue-800 text-white" : "bg-slate-100 text-slate-600")}>{l.n.toLocaleString("en")}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
