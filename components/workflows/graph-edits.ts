import type { ActivityKind } from "@/db/schema/campaigns";
import { activityKindLabels } from "@/lib/campaigns/labels";
import { DEFAULT_DEADLINE_DAYS, predecessorOf, type GraphActivityInput } from "@/lib/workflows/graph";
import type { Point } from "./graph-layout";

// The editor's changes to a workflow graph, as pure functions of the list: each returns a new list.

type List = readonly GraphActivityInput[];

/** An id the browser can make on its own: activities name each other before the server sees them. */
export function newActivityId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A new activity with its kind's defaults and a label not yet used ("Wait", "Wait 2"…). */
export function newActivity(list: List, kind: ActivityKind, id = newActivityId()): GraphActivityInput {
  const base = activityKindLabels[kind];
  const used = new Set(list.map((a) => a.label));
  let label: string = base;
  for (let n = 2; used.has(label); n++) label = `${base} ${n}`;
  const defaults: Partial<GraphActivityInput> =
    kind === "split"
      ? { distributionId: "" }
      : kind === "local_approval"
        ? { distributionId: "", deadlineDays: DEFAULT_DEADLINE_DAYS, reminderHours: [24] }
        : kind === "wait"
          ? { waitMinutes: 1440 }
          : kind === "delivery"
            ? { channel: "email", providerId: "" }
            : {};
  return { id, kind, label, next: [], ...defaults };
}

/**
 * Adds an activity. When the selected one ends its branch (and is not an End), the new one
 * follows it, so that a workflow is built step after step; it is placed beside it if the
 * drawing has saved positions.
 */
export function addActivity(list: List, activity: GraphActivityInput, after?: string, at?: Point): GraphActivityInput[] {
  const placed = at ? { ...activity, x: at.x, y: at.y } : activity;
  const from = after ? list.find((a) => a.id === after) : undefined;
  const follow = from && from.kind !== "end" && from.next.length === 0;
  return [...list.map((a) => (follow && a.id === from.id ? { ...a, next: [placed.id] } : a)), placed];
}

export function updateActivity(list: List, id: string, patch: Partial<GraphActivityInput>): GraphActivityInput[] {
  return list.map((a) => (a.id === id ? { ...a, ...patch } : a));
}

/** `to` now follows `from`: an activity follows exactly one other, so any other transition to it goes. */
export function connect(list: List, from: string, to: string): GraphActivityInput[] {
  return list.map((a) => {
    if (a.id === from) return a.next.includes(to) ? a : { ...a, next: [...a.next, to] };
    return a.next.includes(to) ? { ...a, next: a.next.filter((n) => n !== to) } : a;
  });
}

export function disconnect(list: List, from: string, to: string): GraphActivityInput[] {
  return list.map((a) => (a.id === from ? { ...a, next: a.next.filter((n) => n !== to) } : a));
}

/** Removes an activity; the one before it takes over its transitions, so the chain stays joined. */
export function removeActivity(list: List, id: string): GraphActivityInput[] {
  const gone = list.find((a) => a.id === id);
  if (!gone) return [...list];
  const before = predecessorOf(list, id);
  return list
    .filter((a) => a.id !== id)
    .map((a) => {
      if (!a.next.includes(id)) return a;
      const inherited = a.id === before?.id ? gone.next.filter((g) => g !== a.id && !a.next.includes(g)) : [];
      return { ...a, next: a.next.flatMap((n) => (n === id ? inherited : [n])) };
    });
}

/** Where `from` may lead: not itself, not the Query, not an activity before it (that would loop). */
export function transitionTargets(list: List, from: string): GraphActivityInput[] {
  const source = list.find((a) => a.id === from);
  if (!source || source.kind === "end") return [];
  const ancestors = new Set<string>();
  for (let p = predecessorOf(list, from); p && !ancestors.has(p.id); p = predecessorOf(list, p.id)) ancestors.add(p.id);
  return list.filter((a) => a.id !== from && a.kind !== "query" && !source.next.includes(a.id) && !ancestors.has(a.id));
}

/**
 * Moves an activity. The first move of a drawing laid out automatically saves every position,
 * so that the others stay where they are shown.
 */
export function moveActivity(list: List, id: string, to: Point, shown: Map<string, Point>): GraphActivityInput[] {
  const x = Math.max(0, Math.round(to.x));
  const y = Math.max(0, Math.round(to.y));
  return list.map((a) => {
    if (a.id === id) return { ...a, x, y };
    if (a.x !== undefined && a.y !== undefined) return a;
    const p = shown.get(a.id);
    return p ? { ...a, x: Math.round(p.x), y: Math.round(p.y) } : a;
  });
}

/** Back to the automatic layout. */
export function clearPositions(list: List): GraphActivityInput[] {
  return list.map((a) => {
    const copy = { ...a };
    delete copy.x;
    delete copy.y;
    return copy;
  });
}
