import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { dataDistributions, deliveries, providers, type WorkflowActivity } from "@/db/schema";
import { DEFAULT_DEADLINE_DAYS, type GraphActivityInput, type GraphActivityValues } from "./graph";

// Saving a workflow graph (§2): what is stored of each activity, and the deliveries that Delivery
// activities own (§7). Used by the central campaign form and by entities on their own campaigns.

type DeliveryRow = { id: string; label: string; channel: "email" | "direct_mail"; providerId: string | null; status: string };
type GraphTarget = { campaignId: string; workflowId: string };

const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n));

/** What the workflow keeps of an activity: the settings its kind uses, nothing a browser invented. */
function stored(a: GraphActivityValues): WorkflowActivity {
  const out: WorkflowActivity = { id: a.id, kind: a.kind, label: a.label.trim(), next: [...new Set(a.next)] };
  if (a.x !== undefined && a.y !== undefined) Object.assign(out, { x: round(a.x), y: round(a.y) });
  if (a.kind === "split" || a.kind === "local_approval") out.distributionId = a.distributionId || undefined;
  if (a.kind === "local_approval") Object.assign(out, { deadlineDays: a.deadlineDays ?? DEFAULT_DEADLINE_DAYS, reminderHours: a.reminderHours ?? [] });
  if (a.kind === "wait") out.waitMinutes = a.waitMinutes;
  return out;
}

/** The workflow's deliveries, by id: only rows of this campaign and workflow count as its own. */
async function ownDeliveries(db: DbOrTx, t: GraphTarget): Promise<Map<string, DeliveryRow>> {
  const rows = await db
    .select({ id: deliveries.id, label: deliveries.label, channel: deliveries.channel, providerId: deliveries.providerId, status: deliveries.status })
    .from(deliveries)
    .where(and(eq(deliveries.campaignId, t.campaignId), eq(deliveries.workflowId, t.workflowId)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The stored graph as the editor edits it, each Delivery with its delivery's channel and provider. */
export async function graphForForm(db: DbOrTx, t: GraphTarget, activities: WorkflowActivity[]): Promise<GraphActivityInput[]> {
  const own = await ownDeliveries(db, t);
  return activities.map((a) => {
    const out: GraphActivityInput = { id: a.id, kind: a.kind, label: a.label, next: [...a.next] };
    if (a.x !== undefined && a.y !== undefined) Object.assign(out, { x: a.x, y: a.y });
    if (a.kind === "split" || a.kind === "local_approval") out.distributionId = a.distributionId ?? "";
    if (a.kind === "local_approval") Object.assign(out, { deadlineDays: a.deadlineDays ?? DEFAULT_DEADLINE_DAYS, reminderHours: a.reminderHours ?? [] });
    if (a.kind === "wait") out.waitMinutes = a.waitMinutes;
    if (a.kind === "delivery") {
      const row = a.deliveryId ? own.get(a.deliveryId) : undefined;
      Object.assign(out, { channel: row?.channel ?? "email", providerId: row?.providerId ?? "", ...(row ? { deliveryId: row.id } : {}) });
    }
    return out;
  });
}

// Compared field by field: jsonb hands keys back in its own order, and the browser's deliveryId is not trusted.
function graphKey(list: readonly GraphActivityInput[]): string {
  return JSON.stringify(
    list.map((a) => {
      const s = stored({ ...a, label: a.label ?? "", next: a.next ?? [] } as GraphActivityValues);
      const delivery = a.kind === "delivery" ? [a.channel ?? "email", a.channel === "direct_mail" ? a.providerId || null : null] : null;
      return [s.id, s.kind, s.label, s.next, s.x ?? null, s.y ?? null, s.distributionId ?? null, s.deadlineDays ?? null, s.reminderHours ?? null, s.waitMinutes ?? null, delivery];
    }),
  );
}

export function sameGraph(a: readonly GraphActivityInput[], b: readonly GraphActivityInput[]): boolean {
  return graphKey(a) === graphKey(b);
}

/**
 * What would refuse this graph, by form field, before anything is written: a data distribution
 * or a provider that does not exist, or a delivery already past Being edited whose channel or
 * provider would change.
 */
export async function graphSaveProblems(tx: Tx, t: GraphTarget, previous: WorkflowActivity[], activities: GraphActivityValues[]): Promise<Record<string, string>> {
  const distributionIds = [...new Set(activities.flatMap((a) => ((a.kind === "split" || a.kind === "local_approval") && a.distributionId ? [a.distributionId] : [])))];
  const providerIds = [...new Set(activities.flatMap((a) => (a.kind === "delivery" && a.channel === "direct_mail" && a.providerId ? [a.providerId] : [])))];
  const [foundDistributions, foundProviders, own] = await Promise.all([
    distributionIds.length ? tx.select({ id: dataDistributions.id }).from(dataDistributions).where(inArray(dataDistributions.id, distributionIds)) : [],
    providerIds.length ? tx.select({ id: providers.id }).from(providers).where(inArray(providers.id, providerIds)) : [],
    ownDeliveries(tx, t),
  ]);
  const okDistribution = new Set(foundDistributions.map((r) => r.id));
  const okProvider = new Set(foundProviders.map((r) => r.id));
  const deliveryOf = new Map(previous.flatMap((a) => (a.kind === "delivery" && a.deliveryId ? [[a.id, a.deliveryId] as const] : [])));
  const errors: Record<string, string> = {};
  activities.forEach((a, i) => {
    if ((a.kind === "split" || a.kind === "local_approval") && a.distributionId && !okDistribution.has(a.distributionId)) {
      errors[`activities.${i}.distributionId`] = "Choose an existing data distribution.";
    }
    if (a.kind !== "delivery") return;
    if (a.channel === "direct_mail" && a.providerId && !okProvider.has(a.providerId)) errors[`activities.${i}.providerId`] = "Choose an existing service provider.";
    const row = own.get(deliveryOf.get(a.id) ?? "");
    const channel = a.channel ?? "email";
    const providerId = channel === "direct_mail" ? a.providerId || null : null;
    if (row && row.status !== "being_edited" && (row.channel !== channel || row.providerId !== providerId)) {
      errors[`activities.${i}.channel`] = "This delivery is no longer being edited: its channel and provider can no longer change.";
    }
  });
  return errors;
}

/**
 * Stores the graph's deliveries and returns the activities to keep on the workflow. Each Delivery
 * activity keeps the delivery it had (renamed with it, its channel and provider changed while it
 * is being edited) or gets a new one of this campaign; a Delivery activity removed takes its
 * delivery with it while that delivery is still being edited. Call `graphSaveProblems` first.
 */
export async function saveGraphDeliveries(tx: Tx, t: GraphTarget, previous: WorkflowActivity[], activities: GraphActivityValues[]): Promise<WorkflowActivity[]> {
  const own = await ownDeliveries(tx, t);
  const deliveryOf = new Map(previous.flatMap((a) => (a.kind === "delivery" && a.deliveryId ? [[a.id, a.deliveryId] as const] : [])));
  const kept = new Set<string>();
  const out: WorkflowActivity[] = [];
  for (const a of activities) {
    const activity = stored(a);
    if (a.kind === "delivery") {
      const channel = a.channel ?? "email";
      const providerId = channel === "direct_mail" ? a.providerId || null : null;
      const row = own.get(deliveryOf.get(a.id) ?? "");
      if (row) {
        const editable = row.status === "being_edited";
        const patch = {
          ...(row.label !== activity.label ? { label: activity.label } : {}),
          ...(editable && row.channel !== channel ? { channel } : {}),
          ...(editable && row.providerId !== providerId ? { providerId } : {}),
        };
        if (Object.keys(patch).length) await tx.update(deliveries).set({ ...patch, updatedAt: sql`now()` }).where(and(eq(deliveries.id, row.id), eq(deliveries.campaignId, t.campaignId)));
        activity.deliveryId = row.id;
      } else {
        const [created] = await tx.insert(deliveries).values({ campaignId: t.campaignId, workflowId: t.workflowId, label: activity.label, channel, providerId }).returning({ id: deliveries.id });
        activity.deliveryId = created!.id;
      }
      kept.add(activity.deliveryId);
    }
    out.push(activity);
  }
  const dropped = [...deliveryOf.values()].filter((id) => own.has(id) && !kept.has(id));
  if (dropped.length) {
    await tx
      .delete(deliveries)
      .where(and(inArray(deliveries.id, dropped), eq(deliveries.campaignId, t.campaignId), eq(deliveries.workflowId, t.workflowId), eq(deliveries.status, "being_edited")));
  }
  return out;
}
