import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaigns, deliveries, type TypologyRules } from "@/db/schema";
import { enqueueJob } from "@/jobs/enqueue";
import { runDeliveryMgtSoon, runStockMgtSoon, runSupplierMgtSoon } from "@/lib/technical/task";

export const SEND_DELIVERY = "send_delivery";

export function sendJobKey(deliveryId: string): string {
  return `delivery:${deliveryId}:send`;
}

/**
 * The delivery's messages, one per contact left in the workflow's population, each either
 * queued or held back by a typology rule (§2): unsubscribed, bounced, pressure (N messages
 * already sent in D days), then the control group, an exact share of what remains picked in a
 * stable pseudo-random order. One INSERT … SELECT; a rerun adds nothing.
 */
export async function materializeMessages(tx: Tx, delivery: { id: string; workflowId: string }, rules: TypologyRules): Promise<number> {
  const pressure = rules.pressure;
  const res = await tx.execute(sql`
    with base as (
      select c.id, c.entity_id, c.email,
        case
          when ${rules.excludeUnsubscribed} and c.status = 'unsubscribed' then 'unsubscribed'
          when ${rules.excludeBounced} and c.status = 'bounced' then 'bounced'
          ${
            pressure
              ? sql`when (select count(*) from delivery_messages m where m.contact_id = c.id and m.sent_at > now() - make_interval(days => ${pressure.days})) >= ${pressure.maxMessages} then 'pressure'`
              : sql``
          }
        end as reason
      from workflow_targets t join contacts c on c.id = t.contact_id
      where t.workflow_id = ${delivery.workflowId} and t.excluded_by is null
    ), ranked as (
      select b.id, b.entity_id, b.email,
        row_number() over (order by md5(b.id::text || ${delivery.id})) as rn, count(*) over () as n
      from base b where b.reason is null
    ), final as (
      select id, entity_id, email, reason from base where reason is not null
      union all
      select id, entity_id, email, case when rn <= floor(n * ${rules.controlGroupPercent}::numeric / 100) then 'control_group' end from ranked
    )
    insert into delivery_messages (delivery_id, contact_id, entity_id, email, status, excluded_reason)
    select ${delivery.id}, id, entity_id, email, (case when reason is null then 'queued' else 'excluded' end)::message_status, reason from final
    on conflict do nothing`);
  return res.count;
}

/**
 * deliveryMgt's start (§10): approved deliveries that their workflow has reached, whose contact
 * date has come. An email delivery gets its messages and its sender job; a direct-mail one goes
 * to its provider's first step, which supplierMgt carries out. Rows are locked and skipped when
 * another run holds them.
 */
export async function startReadyDeliveries(tx: Tx, opts: { limit?: number; deliveryIds?: string[] } = {}): Promise<{ started: number; messages: number }> {
  const ready = await tx
    .select({ id: deliveries.id, channel: deliveries.channel, workflowId: deliveries.workflowId, typology: campaigns.typology })
    .from(deliveries)
    .innerJoin(campaigns, eq(campaigns.id, deliveries.campaignId))
    .where(
      and(
        inArray(deliveries.status, ["pending_confirmation", "start_pending"]),
        isNotNull(deliveries.reachedAt),
        isNotNull(deliveries.workflowId),
        sql`(${deliveries.scheduledAt} is null or ${deliveries.scheduledAt} <= now())`,
        opts.deliveryIds ? inArray(deliveries.id, opts.deliveryIds) : undefined,
      ),
    )
    .orderBy(deliveries.reachedAt)
    .limit(opts.limit ?? 20)
    .for("update", { of: deliveries, skipLocked: true });
  let messages = 0;
  for (const d of ready) {
    messages += await materializeMessages(tx, { id: d.id, workflowId: d.workflowId! }, d.typology);
    const status = d.channel === "email" ? ("in_progress" as const) : ("pending_extraction" as const);
    // The targeted count is what budgetMgt prices and stockMgt consumes: the messages left to send.
    const targetedCount = sql<number>`(select count(*)::int from delivery_messages m where m.delivery_id = ${d.id} and m.status <> 'excluded')`;
    await tx.update(deliveries).set({ status, startedAt: sql`now()`, updatedAt: sql`now()`, targetedCount }).where(eq(deliveries.id, d.id));
    if (d.channel === "email") await enqueueJob(tx, SEND_DELIVERY, { deliveryId: d.id }, { jobKey: sendJobKey(d.id), maxAttempts: 25 });
    else await runSupplierMgtSoon(tx);
  }
  // Their targeted counts are what their stock lines give out.
  if (ready.length) await runStockMgtSoon(tx);
  return { started: ready.length, messages };
}

/** The workflow reached a Delivery activity: an approved delivery becomes Start pending. */
export async function markDeliveryReached(tx: Tx, deliveryId: string, campaignId: string) {
  await tx
    .update(deliveries)
    .set({
      reachedAt: sql`coalesce(${deliveries.reachedAt}, now())`,
      status: sql`case when ${deliveries.status} = 'pending_confirmation' then 'start_pending'::delivery_status else ${deliveries.status} end`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(deliveries.id, deliveryId), eq(deliveries.campaignId, campaignId)));
  await runDeliveryMgtSoon(tx);
}

/** Stopping a workflow stops its deliveries that have not finished (§2, §7). */
export async function stopWorkflowDeliveries(tx: Tx, workflowId: string): Promise<number> {
  const rows = await tx
    .update(deliveries)
    .set({ status: "stopped", updatedAt: sql`now()` })
    .where(and(eq(deliveries.workflowId, workflowId), inArray(deliveries.status, ["to_validate", "pending_confirmation", "start_pending", "in_progress", "pending_extraction", "file_to_approve"])))
    .returning({ id: deliveries.id });
  return rows.length;
}

