import { Flag, Hourglass, Mail, Search, Split, UserCheck, type LucideIcon } from "lucide-react";
import type { ActivityKind } from "@/db/schema/campaigns";
import { formatDateTime } from "@/lib/utils";

/** Each kind's icon and colour, the same in the drawing, the palette and the side panel. */
export const kindVisuals: Record<ActivityKind, { icon: LucideIcon; tint: string; chip: string }> = {
  query: { icon: Search, tint: "text-blue-700", chip: "fill-blue-50" },
  split: { icon: Split, tint: "text-violet-700", chip: "fill-violet-50" },
  local_approval: { icon: UserCheck, tint: "text-amber-700", chip: "fill-amber-50" },
  delivery: { icon: Mail, tint: "text-emerald-700", chip: "fill-emerald-50" },
  wait: { icon: Hourglass, tint: "text-slate-600", chip: "fill-slate-100" },
  end: { icon: Flag, tint: "text-slate-600", chip: "fill-slate-100" },
};

export type RunState = { done: string[]; waiting: Record<string, string | null> };
export type ActivityState = { key: "done" | "waiting" | "not_run"; label: string };

/** Where a run stands on one activity: done, waiting (until a date, or for answers), or not run. */
export function activityState(runState: RunState, id: string): ActivityState {
  if (runState.done.includes(id)) return { key: "done", label: "Done" };
  if (id in runState.waiting) {
    const until = runState.waiting[id];
    return { key: "waiting", label: until ? `Waiting until ${formatDateTime(until)}` : "Waiting" };
  }
  return { key: "not_run", label: "Not run" };
}

export const stateTones: Record<ActivityState["key"], string> = {
  done: "fill-emerald-700",
  waiting: "fill-amber-700",
  not_run: "fill-slate-500",
};

export const formatCount = (n: number) => n.toLocaleString("en");

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
