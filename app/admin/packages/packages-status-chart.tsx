import type { PackageStatus } from "@/db/schema";
import { packageStatusLabels } from "@/lib/packages/states";
import { cn } from "@/lib/utils";

const bars: { status: PackageStatus; className: string }[] = [
  { status: "being_edited", className: "bg-slate-400" },
  { status: "pending_approval", className: "bg-amber-400" },
  { status: "approved", className: "bg-blue-500" },
  { status: "published", className: "bg-emerald-500" },
  { status: "rejected", className: "bg-red-500" },
  { status: "canceled", className: "bg-slate-300" },
];

/** One horizontal bar per status, scaled to the largest, so that small counts stay visible. */
export function PackagesStatusChart({ counts }: { counts: Record<PackageStatus, number> }) {
  const max = Math.max(1, ...bars.map((b) => counts[b.status]));
  const summary = bars.map((b) => `${packageStatusLabels[b.status]}: ${counts[b.status]}`).join(", ");
  return (
    <figure className="space-y-3">
      <figcaption className="text-sm font-medium text-slate-700">Packages by status</figcaption>
      <div role="img" aria-label={`Packages by status: ${summary}`} className="grid gap-x-8 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {bars.map((b) => (
          <div key={b.status} className="grid grid-cols-[7.5rem_1fr_3.5rem] items-center gap-2 text-xs">
            <span className="truncate text-slate-600">{packageStatusLabels[b.status]}</span>
            <div className="h-2.5 overflow-hidden rounded-full bg-slate-100">
              <div className={cn("h-full rounded-full", b.className)} style={{ width: `${(counts[b.status] / max) * 100}%` }} />
            </div>
            <span className="text-right font-semibold tabular-nums text-slate-800">{counts[b.status].toLocaleString("en")}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
