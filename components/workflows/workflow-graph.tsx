import type { ActivityKind } from "@/db/schema/campaigns";
import { activityName, trunkOrder } from "@/lib/workflows/graph";
import { activityState, formatCount, type ActivityState, type RunState } from "./activity-visuals";
import { ArrowMarker, GraphEdge, GraphNode } from "./graph-parts";
import { layoutGraph } from "./graph-layout";

export type GraphActivity = { id: string; kind: ActivityKind; label: string; next: string[]; x?: number; y?: number };

const contacts = (n: number) => `${formatCount(n)} contact${n === 1 ? "" : "s"}`;

/**
 * The workflow drawn read-only (§2), left to right from the Query: each activity with its kind,
 * label and, for a run, whether it is done, waiting or not run; each transition with the
 * population leaving its source. Screen readers get a summary and the list of activities.
 */
export function WorkflowGraph(props: { activities: GraphActivity[]; populations?: Record<string, number>; runState?: RunState; id?: string; title?: string }) {
  const { activities, populations = {}, runState } = props;
  const id = props.id ?? "workflow-graph";
  const title = props.title ?? "Workflow";
  if (activities.length === 0) return <p className="text-sm text-slate-500">No activity yet.</p>;
  const layout = layoutGraph(activities);
  const byId = new Map(activities.map((a) => [a.id, a]));
  const states = new Map<string, ActivityState | undefined>(activities.map((a) => [a.id, runState ? activityState(runState, a.id) : undefined]));
  const ordered = trunkOrder(activities);
  const count = (key: ActivityState["key"]) => [...states.values()].filter((s) => s?.key === key).length;
  const summary = [
    `${title}: ${activities.length} ${activities.length === 1 ? "activity" : "activities"}`,
    runState ? `${count("done")} done, ${count("waiting")} waiting, ${count("not_run")} not run` : null,
    `from ${activityName(ordered[0]!)}`,
  ]
    .filter(Boolean)
    .join(", ");

  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50">
        <svg role="img" aria-label={`${summary}. The list of activities follows.`} width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} className="block">
          <ArrowMarker id={`${id}-arrow`} />
          {activities.flatMap((a) =>
            a.next
              .filter((n) => byId.has(n))
              .map((n) => (
                <GraphEdge
                  key={`${a.id}>${n}`}
                  from={layout.positions.get(a.id)!}
                  to={layout.positions.get(n)!}
                  label={populations[a.id] !== undefined ? formatCount(populations[a.id]!) : undefined}
                  markerId={`${id}-arrow`}
                />
              )),
          )}
          {activities.map((a) => (
            <GraphNode
              key={a.id}
              activity={a}
              at={layout.positions.get(a.id)!}
              state={states.get(a.id)}
              detail={populations[a.id] !== undefined ? `${contacts(populations[a.id]!)} after it` : undefined}
            />
          ))}
        </svg>
      </div>
      <ol className="sr-only" aria-label={`${title} activities`}>
        {ordered.map((a) => {
          const state = states.get(a.id);
          const next = a.next.map((n) => byId.get(n)).filter((n): n is GraphActivity => !!n);
          const parts = [
            state?.label,
            populations[a.id] !== undefined ? `${contacts(populations[a.id]!)} after it` : null,
            next.length ? `leads to ${next.map(activityName).join(" and ")}` : "ends its branch",
          ];
          return <li key={a.id}>{`${activityName(a)}: ${parts.filter(Boolean).join("; ")}.`}</li>;
        })}
      </ol>
    </div>
  );
}
