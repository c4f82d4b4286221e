import { ChevronRight } from "lucide-react";
import { activityKindLabels } from "@/lib/campaigns/labels";
import type { ActivityInput } from "@/lib/campaigns/schemas";

/** The workflow read left to right, one box per activity, with the population each one that ran produced. */
export function WorkflowChain({ activities, populations, label = "Workflow" }: { activities: Pick<ActivityInput, "kind" | "label" | "id">[]; populations?: Record<string, number>; label?: string }) {
  if (activities.length === 0) return <p className="text-sm text-slate-500">No activity yet.</p>;
  return (
    <ol className="flex flex-wrap items-center gap-y-3" aria-label={label}>
      {activities.map((a, i) => (
        <li key={i} className="flex items-center">
          {i > 0 ? <ChevronRight className="mx-1 size-4 shrink-0 text-slate-400" aria-hidden /> : null}
          <div className={a.kind === "end" ? "rounded-full border border-slate-300 bg-slate-100 px-4 py-2" : "rounded-md border border-blue-200 bg-blue-50 px-3 py-2"}>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{activityKindLabels[a.kind]}</p>
            <p className="text-sm text-slate-900">{a.label || "—"}</p>
            {a.id && populations?.[a.id] !== undefined ? (
              <p className="text-xs tabular-nums text-blue-800">{populations[a.id]!.toLocaleString("en")} contacts</p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
