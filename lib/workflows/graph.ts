import { z } from "zod";
import type { WorkflowActivity } from "@/db/schema/campaigns";
import { activityKindLabels } from "@/lib/campaigns/labels";

// The workflow graph (§2) as the editor sends it and the server checks it: one zod schema for the
// form's resolver and the actions. No database import: this file runs in the browser.

export const graphActivityKinds = ["query", "split", "local_approval", "delivery", "wait", "end"] as const satisfies readonly WorkflowActivity["kind"][];
export const deliveryChannels = ["email", "direct_mail"] as const;
export const deliveryChannelLabels = { email: "Email", direct_mail: "Direct mail" } as const;
export const DEFAULT_DEADLINE_DAYS = 3;
export const MAX_ACTIVITIES = 50;

const activityId = z
  .string()
  .min(1, "Every activity needs an id.")
  .max(40, "Keep activity ids under 40 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, - and _ in activity ids.");
// A select's empty option means none chosen yet: the rules below say which kinds need one.
const optionalRef = z.union([z.literal(""), z.uuid("Choose from the list.")]).optional();
const whole = (min: number, max: number, unit: string) =>
  z.number({ error: `Enter a number of ${unit}.` }).int(`Enter a whole number of ${unit}.`).min(min, `Use ${min} or more.`).max(max, `Use ${max} at most.`);
const coordinate = z.number().finite().min(-1000).max(20_000);

export const graphActivitySchema = z.object({
  id: activityId,
  kind: z.enum(graphActivityKinds, { message: "Choose a kind." }),
  label: z.string().trim().min(1, "Enter a label.").max(80, "Keep the label under 80 characters."),
  next: z.array(activityId).max(10, "Use at most 10 transitions from one activity."),
  x: coordinate.optional(),
  y: coordinate.optional(),
  distributionId: optionalRef,
  deadlineDays: whole(1, 60, "days").optional(),
  reminderHours: z.array(whole(1, 1440, "hours")).max(5, "Use at most 5 reminders.").optional(),
  waitMinutes: whole(0, 525_600, "minutes").optional(),
  // Set by the server, which ignores what a browser sends: a delivery belongs to its campaign.
  deliveryId: z.uuid().optional(),
  channel: z.enum(deliveryChannels, { message: "Choose a channel." }).optional(),
  providerId: optionalRef,
});
export type GraphActivityInput = z.input<typeof graphActivitySchema>;
export type GraphActivityValues = z.output<typeof graphActivitySchema>;

type Linked = { id: string; next: string[] };
/** Where a problem goes: the activity at `index` (its `field`), or the whole graph. */
export type GraphProblem = { index?: number; field?: string; message: string };

/** How messages name an activity: its kind and label, so that the reader finds it in the drawing. */
export function activityName(a: { kind?: string; label?: string }): string {
  const kind = activityKindLabels[a.kind as keyof typeof activityKindLabels] ?? "Activity";
  const label = typeof a.label === "string" ? a.label.trim() : "";
  return label ? `${kind} “${label}”` : `the unnamed ${kind} activity`;
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const nextOf = (a: { next?: unknown }) => (Array.isArray(a.next) ? (a.next as string[]) : []);

/** The activity whose transition leads to `id` (a valid graph has at most one). */
export function predecessorOf<T extends Linked>(activities: readonly T[], id: string): T | undefined {
  return activities.find((a) => a.id !== id && nextOf(a).includes(id));
}

/**
 * Activities in execution order: from the Query, depth first, so the trunk comes first and then
 * each branch in full, every activity after the one it follows. Activities not reached from a
 * starting activity (an unfinished drawing) follow in their own order.
 */
export function trunkOrder<T extends Linked>(activities: readonly T[]): T[] {
  const byId = new Map(activities.map((a) => [a.id, a]));
  const hasIncoming = new Set(activities.flatMap((a) => nextOf(a).filter((n) => n !== a.id)));
  const seen = new Set<string>();
  const out: T[] = [];
  const visit = (start: T) => {
    const stack = [start];
    while (stack.length) {
      const a = stack.pop()!;
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push(a);
      const children = nextOf(a).map((n) => byId.get(n)).filter((c): c is T => !!c && !seen.has(c.id));
      stack.push(...children.reverse());
    }
  };
  const starts = activities.filter((a) => !hasIncoming.has(a.id));
  const query = starts.filter((a) => (a as { kind?: string }).kind === "query");
  for (const a of [...query, ...starts]) visit(a);
  for (const a of activities) visit(a);
  return out;
}

/** Every rule a workflow graph must follow, each problem put on the activity it concerns. */
export function graphProblems(activities: readonly GraphActivityInput[]): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const at = (index: number, field: string, message: string) => problems.push({ index, field, message });
  const indexOf = new Map<string, number>();
  activities.forEach((a, i) => {
    if (indexOf.has(a.id)) at(i, "id", `${cap(activityName(a))} has the same id as another activity.`);
    else indexOf.set(a.id, i);
  });
  const name = (i: number) => activityName(activities[i]!);

  // Transitions: each must name an existing activity; incoming ones are counted per target.
  const incoming = new Map<number, number[]>();
  const children: number[][] = activities.map(() => []);
  activities.forEach((a, i) => {
    const seen = new Set<string>();
    for (const n of nextOf(a)) {
      const j = indexOf.get(n);
      if (seen.has(n)) at(i, "next", `${cap(name(i))} has the same transition twice.`);
      else if (j === undefined) at(i, "next", `${cap(name(i))} leads to an activity that does not exist: remove that transition.`);
      else if (j === i) at(i, "next", `${cap(name(i))} leads to itself: a workflow only runs forward.`);
      else {
        children[i]!.push(j);
        incoming.set(j, [...(incoming.get(j) ?? []), i]);
      }
      seen.add(n);
    }
  });

  const queries = activities.flatMap((a, i) => (a.kind === "query" ? [i] : []));
  if (queries.length === 0) problems.push({ message: "Add a Query activity: every workflow starts with its targeting." });
  for (const i of queries.slice(1)) at(i, "kind", `${cap(name(i))}: a workflow has exactly one Query. Remove this one or change its kind.`);

  activities.forEach((a, i) => {
    const from = incoming.get(i) ?? [];
    const out = nextOf(a).length;
    if (a.kind === "query" && from.length) at(i, "next", `${cap(name(i))} starts the workflow: remove the transition to it from ${name(from[0]!)}.`);
    if (a.kind !== "query" && from.length === 0 && queries.length) at(i, "next", `${cap(name(i))} is not connected: add a transition to it from the activity it follows.`);
    if (from.length > 1) at(i, "next", `${cap(name(i))} follows ${from.map(name).join(" and ")}: an activity follows exactly one other, so keep one of these transitions.`);
    if (a.kind === "end" && out) at(i, "next", `${cap(name(i))} ends its branch: remove its transitions.`);
    if (out === 0 && a.kind !== "end" && a.kind !== "delivery") at(i, "next", `${cap(name(i))} leaves its branch unfinished: add a transition to a Delivery or an End.`);
    if ((a.kind === "split" || a.kind === "local_approval") && !a.distributionId) at(i, "distributionId", `${cap(name(i))} needs a data distribution.`);
    if (a.kind === "wait" && !((a.waitMinutes ?? 0) >= 1)) at(i, "waitMinutes", `${cap(name(i))} needs a duration of at least 1 minute.`);
    if (a.kind === "local_approval" && a.reminderHours?.some((h) => h >= (a.deadlineDays ?? DEFAULT_DEADLINE_DAYS) * 24)) {
      at(i, "reminderHours", `${cap(name(i))}: send each reminder before the deadline, less than ${(a.deadlineDays ?? DEFAULT_DEADLINE_DAYS) * 24} hours before it.`);
    }
    if (a.kind === "delivery" && a.channel === "direct_mail" && !a.providerId) at(i, "providerId", `${cap(name(i))} goes by direct mail: choose its service provider.`);
  });

  for (const i of backEdgeSources(children)) at(i, "next", `${cap(name(i))} leads back to an activity before it: a workflow cannot loop.`);

  // Split and Local approval narrow the one population every branch shares: no fork before them.
  const root = queries[0];
  if (root !== undefined) {
    const forkAbove = new Map<number, number | null>([[root, null]]);
    const queue = [root];
    while (queue.length) {
      const i = queue.shift()!;
      const above = children[i]!.length > 1 ? i : forkAbove.get(i)!;
      for (const j of children[i]!) {
        if (forkAbove.has(j)) continue;
        forkAbove.set(j, above);
        queue.push(j);
      }
    }
    for (const [i, fork] of forkAbove) {
      const kind = activities[i]!.kind;
      if (fork !== null && (kind === "split" || kind === "local_approval")) {
        at(i, "kind", `${cap(name(i))} comes after the fork at ${name(fork)}: a Split or a Local approval narrows the population all branches share, so place it before any fork.`);
      }
    }
  }
  return problems;
}

/** Activities whose transition closes a loop (depth-first search, each loop reported once). */
function backEdgeSources(children: number[][]): Set<number> {
  const state = new Array<0 | 1 | 2>(children.length).fill(0);
  const out = new Set<number>();
  for (let s = 0; s < children.length; s++) {
    if (state[s]) continue;
    const stack: [number, number][] = [[s, 0]];
    state[s] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [i, k] = top;
      if (k >= children[i]!.length) {
        state[i] = 2;
        stack.pop();
        continue;
      }
      top[1] += 1;
      const j = children[i]![k]!;
      if (state[j] === 1) out.add(i);
      else if (state[j] === 0) {
        state[j] = 1;
        stack.push([j, 0]);
      }
    }
  }
  return out;
}

/** The graph as the campaign forms and their actions check it (§2). */
export const workflowGraphSchema = z
  .array(graphActivitySchema)
  .min(1, "Add at least one activity.")
  .max(MAX_ACTIVITIES, `Use at most ${MAX_ACTIVITIES} activities.`)
  .superRefine((activities, ctx) => {
    for (const p of graphProblems(activities)) {
      // A problem of the whole graph goes under `root`, react-hook-form's place for an array's own
      // error: at the array itself it would replace the errors of its items.
      ctx.addIssue({ code: "custom", path: p.index === undefined ? ["root"] : [p.index, ...(p.field ? [p.field] : [])], message: p.message });
    }
  });
export type WorkflowGraphInput = z.input<typeof workflowGraphSchema>;
export type WorkflowGraphValues = z.output<typeof workflowGraphSchema>;
