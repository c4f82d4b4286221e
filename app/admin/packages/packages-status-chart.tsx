import type { PackageStatus } from "@/db/schema";
import type { ViewCounts } from "@/lib/packages/package-counts";
import { COUNT_CAP } from "@/lib/packages/queries-params";
import { packageStatusLabels } from "@/lib/packages/states";
import { cn } from "@/lib/utils";
import { formatCount } from "./packages-views";

const bars: { status: PackageStatus; className: string }[] = [
  { status: "being_edited", className: "bg-slate-400" },
  { status: "pending_approval", className: "bg-amber-400" },
  { status: "approved", className: "bg-blue-500" },
  { status: "published", className: "bg-emerald-500" },
  { status: "rejected", className: "bg-red-500" },
  { status: "canceled", className: "bg-slate-300" },
];

/**
 * One horizontal bar per status, scaled to the largest, so that small counts stay visible. Under
 * filters matching more than COUNT_CAP packages, the figures are of the first COUNT_CAP found:
 * each is "at least", and the caption says so.
 */
export function PackagesStatusChart({ counts: { counts, exact } }: { counts: ViewCounts }) {
  const max = Math.max(1, ...bars.map((b) => counts[b.status]));
  const summary = bars.map((b) => `${packageStatusLabels[b.status]}: ${formatCount(counts[b.status], exact)}`).join(", ");
  return (
    <figure className="space-y-3">
      <figcaption className="text-sm font-medium text-slate-700">
        Packages by status
        {exact ? null : <span className="font-normal text-slate-500"> — at least: over {COUNT_CAP.toLocaleString("en")} packages match the filters</span>}
      </figcaption>
      <div role="img" aria-label={`Packages by status: ${summary}`} className="grid gap-x-8 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {bars.map((b) => (
          <div key={b.status} className="grid grid-cols-[7.5rem_1fr_3.5rem] items-center gap-2 text-xs">
            <span className="truncate text-slate-600">{packageStatusLabels[b.status]}</span>
            <div className="h-2.5 overflow-hidden rounded-full bg-slate-100">
              <div className={cn("h-full rounded-full", b.className)} style={{ width: `${(counts[b.status] / max) * 100}%` }} />
            </div>
            <span className="text-right font-semibold tabular-nums text-slate-800">{formatCount(counts[b.status], exact)}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
