import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { deliverySettingsOf } from "@/lib/deliveries/copy";
import type { Tx } from "@/db";
import { campaigns, deliveries, workflows, type WorkflowActivity } from "@/db/schema";
import { duePeriod, isRecurrence, occurrenceEnd } from "./periods";

/** At most this many occurrences per operationMgt run; the rest come with the next run. */
export const OCCURRENCES_PER_RUN = 200;
const MODEL_PAGE = 500;

// A delivery prepared on the model (edited, to validate, approved) is prepared the same way on
// its occurrences; any other status belongs to a run, and the copy starts over as Being edited.
const preparedStatuses = new Set(["being_edited", "to_validate", "pending_confirmation"]);

type Model = typeof campaigns.$inferSelect;

/**
 * operationMgt's occurrences (§2, §10): each recurring or periodic model that is Started (its
 * workflow Started too: Pause suspends it, Stop ends it) gets one occurrence campaign for its
 * current period, once the period has begun (DB clock). Idempotent: the unique (occurrence_of,
 * occurrence_at) with ON CONFLICT DO NOTHING makes a rerun, or a concurrent run, add nothing.
 */
export async function createDueOccurrences(tx: Tx, opts: { limit?: number } = {}): Promise<{ occurrences: number }> {
  const limit = opts.limit ?? OCCURRENCES_PER_RUN;
  const [clock] = await tx.execute<{ now: string | Date }>(sql`select now() as now`);
  const now = new Date(clock!.now);
  let created = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await tx
      .select({
        model: campaigns,
        lastAt: sql<Date | null>`(select max(o.occurrence_at) from campaigns o where o.occurrence_of = ${campaigns.id})`.mapWith(campaigns.occurrenceAt),
      })
      .from(campaigns)
      .where(
        and(
          inArray(campaigns.type, ["recurring", "periodic"]),
          isNull(campaigns.occurrenceOf),
          eq(campaigns.status, "started"),
          isNotNull(campaigns.recurrence),
          isNotNull(campaigns.startDate),
          lte(campaigns.startDate, now),
          sql`exists (select 1 from workflows w where w.campaign_id = ${campaigns.id} and w.status = 'started')`,
          after ? gt(campaigns.id, after) : undefined,
        ),
      )
      .orderBy(asc(campaigns.id))
      .limit(MODEL_PAGE);
    for (const { model, lastAt } of rows) {
      if (created >= limit) return { occurrences: created };
      if (!isRecurrence(model.recurrence) || !model.startDate) continue;
      const due = duePeriod(model.startDate, model.endDate, model.recurrence, now);
      // Already created for this period (or a later one, if the recurrence changed since).
      if (!due || (lastAt && lastAt.getTime() >= due.start.getTime())) continue;
      if (await createOccurrence(tx, model, due)) created += 1;
    }
    if (rows.length < MODEL_PAGE) return { occurrences: created };
    after = rows[rows.length - 1]!.model.id;
  }
}

/**
 * One occurrence: the campaign (a unique campaign pointing at its model), a copy of each workflow
 * with the same activity ids, and a copy of each delivery, the activities' deliveryId remapped to
 * the copies. Recurring: its workflow waits to start (operationMgt starts it); periodic: Being
 * edited, for the operators to adapt and start. False when another run created it first.
 */
async function createOccurrence(tx: Tx, model: Model, period: { start: Date; next: Date }): Promise<boolean> {
  const day = period.start.toISOString().slice(0, 10);
  const [occurrence] = await tx
    .insert(campaigns)
    .values({
      label: `${model.label.slice(0, 105)} · ${day}`,
      internalName: await freeInternalName(tx, model.internalName, day),
      programId: model.programId,
      templateId: model.templateId,
      managerId: model.managerId,
      startDate: period.start,
      endDate: occurrenceEnd(period.next, model.endDate),
      type: "unique",
      entityId: model.entityId,
      parentCampaignId: model.parentCampaignId,
      content: model.content,
      typology: model.typology,
      personalization: model.personalization,
      occurrenceOf: model.id,
      occurrenceAt: period.start,
    })
    .onConflictDoNothing()
    .returning({ id: campaigns.id });
  if (!occurrence) return false;

  // Dates on the model's workflow and deliveries move with the period.
  const shift = (d: Date | null) => (d && model.startDate ? new Date(d.getTime() + period.start.getTime() - model.startDate.getTime()) : null);
  const [flows, dels] = await Promise.all([
    tx.select().from(workflows).where(eq(workflows.campaignId, model.id)).orderBy(asc(workflows.id)),
    tx.select().from(deliveries).where(eq(deliveries.campaignId, model.id)).orderBy(asc(deliveries.createdAt), asc(deliveries.id)),
  ]);
  // Ids made here rather than read back from RETURNING, whose order Postgres does not promise.
  const flowIds = new Map(flows.map((w) => [w.id, randomUUID()]));
  const deliveryIds = new Map(dels.map((d) => [d.id, randomUUID()]));
  const remap = (a: WorkflowActivity): WorkflowActivity => {
    const { deliveryId, ...rest } = a;
    const copy = deliveryId ? deliveryIds.get(deliveryId) : undefined;
    return { ...rest, next: [...a.next], ...(copy ? { deliveryId: copy } : {}) };
  };
  const start = model.type === "recurring";
  if (flows.length) {
    await tx.insert(workflows).values(
      flows.map((w) => ({
        id: flowIds.get(w.id)!,
        campaignId: occurrence.id,
        label: w.label,
        activities: w.activities.map(remap),
        targeting: w.targeting,
        scheduledAt: shift(w.scheduledAt),
        ...(start ? { status: "start_pending" as const, pendingCommand: "start" as const } : {}),
      })),
    );
  }
  if (dels.length) {
    await tx.insert(deliveries).values(
      dels.map((d) => ({
        id: deliveryIds.get(d.id)!,
        campaignId: occurrence.id,
        workflowId: d.workflowId ? (flowIds.get(d.workflowId) ?? null) : null,
        ...deliverySettingsOf(d),
        status: preparedStatuses.has(d.status) ? d.status : ("being_edited" as const),
        scheduledAt: shift(d.scheduledAt),
      })),
    );
  }
  return true;
}

/** `<model>-<yyyymmdd>`, within the form's 60 characters; a short suffix if another campaign has it. */
async function freeInternalName(tx: Tx, base: string, day: string): Promise<string> {
  const suffix = day.replaceAll("-", "");
  const name = `${base.slice(0, 60 - suffix.length - 1).replace(/-+$/, "")}-${suffix}`;
  const taken = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.internalName, name)).limit(1);
  if (!taken.length) return name;
  const extra = randomUUID().slice(0, 6);
  return `${name.slice(0, 60 - extra.length - 1).replace(/-+$/, "")}-${extra}`;
}
