import type { SVGProps } from "react";
import type { ActivityKind } from "@/db/schema/campaigns";
import { activityKindLabels } from "@/lib/campaigns/labels";
import { cn } from "@/lib/utils";
import { kindVisuals, stateTones, truncate, type ActivityState } from "./activity-visuals";
import { edgeGeometry, NODE_H, NODE_W, type Point } from "./graph-layout";

// The pieces of a workflow drawing, shared by the read-only graph and the editor's canvas.

export function ArrowMarker({ id }: { id: string }) {
  return (
    <defs>
      <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M 0 0 L 10 5 L 0 10 z" className="fill-slate-400" />
      </marker>
    </defs>
  );
}

/** A transition, with the population leaving its source when it is known. */
export function GraphEdge({ from, to, label, markerId }: { from: Point; to: Point; label?: string; markerId: string }) {
  const g = edgeGeometry(from, to);
  const w = label ? Math.round(label.length * 6.6 + 14) : 0;
  return (
    <g aria-hidden>
      <path d={g.d} className="fill-none stroke-slate-400" strokeWidth={1.5} markerEnd={`url(#${markerId})`} />
      {label ? (
        <g transform={`translate(${g.label.x} ${g.label.y})`}>
          <rect x={-w / 2} y={-10} width={w} height={20} rx={10} className="fill-white stroke-slate-300" />
          <text textAnchor="middle" dy="0.35em" className="fill-slate-700 text-[11px] font-medium tabular-nums">
            {label}
          </text>
        </g>
      ) : null}
    </g>
  );
}

type NodeProps = {
  activity: { id: string; kind: ActivityKind; label: string };
  at: Point;
  state?: ActivityState;
  /** A longer description for the tooltip (population, waiting date…). */
  detail?: string;
  selected?: boolean;
  invalid?: boolean;
} & Omit<SVGProps<SVGGElement>, "children">;

/** An activity: its kind's icon, its label, its kind and, for a run, where it stands. */
export function GraphNode({ activity, at, state, detail, selected, invalid, className, ...rest }: NodeProps) {
  const v = kindVisuals[activity.kind];
  const Icon = v.icon;
  const kind = activityKindLabels[activity.kind];
  return (
    <g transform={`translate(${at.x} ${at.y})`} className={cn("group outline-none", className)} {...rest}>
      <title>{[`${kind}: ${activity.label || "(no label)"}`, state?.label, detail].filter(Boolean).join(" · ")}</title>
      <rect
        width={NODE_W}
        height={NODE_H}
        rx={8}
        className={cn("fill-white", invalid ? "stroke-red-600" : selected ? "stroke-blue-600" : "stroke-slate-300", "group-focus-visible:stroke-blue-700 group-focus-visible:stroke-3")}
        strokeWidth={selected || invalid ? 2 : 1}
      />
      <rect x={10} y={(NODE_H - 32) / 2} width={32} height={32} rx={6} className={v.chip} />
      <Icon x={18} y={(NODE_H - 16) / 2} size={16} className={v.tint} aria-hidden />
      <text x={52} y={state ? 22 : 27} className="fill-slate-900 text-[13px] font-medium">
        {truncate(activity.label || "—", 19)}
      </text>
      <text x={52} y={state ? 38 : 44} className="fill-slate-500 text-[11px]">
        {kind}
      </text>
      {state ? (
        <text x={52} y={52} className={cn("text-[11px] font-medium", stateTones[state.key])}>
          {state.key === "waiting" ? "Waiting" : state.label}
        </text>
      ) : null}
    </g>
  );
}
