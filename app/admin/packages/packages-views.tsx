import Link from "next/link";
import type { ViewCounts } from "@/lib/packages/package-counts";
import { packagePositionParams, packageViews, type PackageView } from "@/lib/packages/queries-params";
import type { SearchParams } from "@/lib/tables/params";
import { cn } from "@/lib/utils";

const reset: readonly string[] = [...packagePositionParams, "view"];

// A quick link keeps the search, filters, sort and size but starts again at the first page.
function hrefFor(sp: SearchParams, view: PackageView): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    if (reset.includes(k) || v == null) continue;
    for (const one of [v].flat()) next.append(k, one);
  }
  if (view !== "all") next.set("view", view);
  const qs = next.toString();
  return qs ? `/admin/packages?${qs}` : "/admin/packages";
}

/** "1,234", or past the filtered count's cap "1,234+": at least that many. */
export function formatCount(n: number, exact: boolean): string {
  return exact ? n.toLocaleString("en") : `${n.toLocaleString("en")}+`;
}

export function PackagesViews(props: { sp: SearchParams; active: PackageView; counts: ViewCounts }) {
  return (
    <nav aria-label="Quick links" className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {packageViews.map((v) => {
          const active = v.key === props.active;
          return (
            <li key={v.key}>
              <Link
                href={hrefFor(props.sp, v.key)}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 rounded-full border px-3 py-1 text-sm font-medium transition-colors",
                  active ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100",
                )}
              >
                {v.label}
                <span className={cn("rounded-full px-1.5 text-xs tabular-nums", active ? "bg-blue-800 text-white" : "bg-slate-100 text-slate-600")}>
                  {formatCount(props.counts.counts[v.key], props.counts.exact)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
