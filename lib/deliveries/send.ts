import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { campaigns, contacts, deliveries, deliveryMessages, orders, packages } from "@/db/schema";
import { mailFrom, messageDomain, sendMessage } from "@/lib/mail/transport";
import { runOperationMgtSoon } from "@/lib/technical/task";
import { renderMessage } from "./render";

type Values = Record<string, string | number | boolean | null>;

/**
 * The order values that personalize a batch's messages (§4): the entity's own campaign's, or each
 * entity's order on the reference. Read per batch, for the batch's entities only: a slice that
 * loaded every subscribed entity's values held a whole network's in memory per delivery
 * (e2e/perf/RESULTS.md, B9). The ids travel as one text parameter, so the statement's text, and
 * the prepared statement behind it, stay the same from batch to batch.
 */
async function valuesByEntity(db: DbOrTx, campaign: { id: string; entityId: string | null; personalization: Values; occurrenceOf: string | null }, entityIds: string[]): Promise<Map<string, Values>> {
  if (campaign.entityId) return new Map([[campaign.entityId, campaign.personalization]]);
  const rows = await db
    .selectDistinctOn([orders.entityId], { entityId: orders.entityId, parameters: orders.parameters })
    .from(orders)
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .where(
      and(
        sql`${orders.entityId} = any(string_to_array(${entityIds.join(",")}, ',')::uuid[])`,
        eq(packages.referenceCampaignId, campaign.occurrenceOf ?? campaign.id),
        inArray(orders.status, ["approved", "available"]),
      ),
    )
    .orderBy(orders.entityId, sql`${orders.updatedAt} desc`);
  return new Map(rows.map((r) => [r.entityId, r.parameters]));
}

/**
 * A 5xx answer refuses the address for good: a bounce. A 4xx answer or a failed connection means
 * the server did not take the message: it goes back to the queue and the job retries later.
 * Anything else (a timeout after the data went out…) may have been delivered: failed, not resent.
 */
function classify(err: unknown): "bounced" | "retry" | "failed" {
  const { responseCode, code } = err as { responseCode?: number; code?: string };
  if (typeof responseCode === "number") return responseCode >= 500 ? "bounced" : "retry";
  return code === "ECONNECTION" || code === "EDNS" ? "retry" : "failed";
}

export type SendOutcome = "finished" | "stopped" | "more" | "waiting";

/**
 * Sends a slice of an email delivery (§7). Each batch is claimed (`sending`) before any SMTP call
 * and settled right after; it is sent only while the delivery is In progress, under a lock a Stop
 * waits for, so nothing goes out once a Stop has committed. A message left `sending` by a crash is never sent again: after a
 * grace period it is settled as failed, with the reason, so that no one receives it twice.
 */
export async function sendDeliverySlice(deliveryId: string, opts: { sliceMs?: number; batchSize?: number } = {}): Promise<SendOutcome> {
  const db = getDb();
  const started = Date.now();
  const [d] = await db
    .select({ subject: deliveries.subject, body: deliveries.body, rate: deliveries.ratePerSecond, campaign: { id: campaigns.id, entityId: campaigns.entityId, personalization: campaigns.personalization, occurrenceOf: campaigns.occurrenceOf } })
    .from(deliveries)
    .innerJoin(campaigns, eq(campaigns.id, deliveries.campaignId))
    .where(eq(deliveries.id, deliveryId));
  if (!d) return "stopped";
  await db
    .update(deliveryMessages)
    .set({ status: "failed", error: "Interrupted while sending; not sent again so that no one receives it twice." })
    .where(and(eq(deliveryMessages.deliveryId, deliveryId), eq(deliveryMessages.status, "sending"), sql`${deliveryMessages.claimedAt} < now() - interval '2 minutes'`));
  const batchSize = Math.max(1, Math.min(opts.batchSize ?? 200, d.rate ?? Infinity));
  const domain = messageDomain();
  while (Date.now() - started < (opts.sliceMs ?? 20_000)) {
    const batchStart = Date.now();
    const [current] = await db.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.id, deliveryId));
    if (current?.status !== "in_progress") return "stopped";
    const claimed = await db.execute<{ id: string; email: string; entity_id: string; first_name: string; last_name: string; attributes: Record<string, string> }>(sql`
      update delivery_messages m set status = 'sending', claimed_at = now()
      from contacts c
      where m.id in (
        select id from delivery_messages where delivery_id = ${deliveryId} and status = 'queued'
        order by id limit ${batchSize} for update skip locked
      ) and c.id = m.contact_id
      returning m.id, m.email, m.entity_id, c.first_name, c.last_name, c.attributes`);
    if (!claimed.length) return finishIfDone(deliveryId);
    const values = await valuesByEntity(db, d.campaign, [...new Set(claimed.map((r) => r.entity_id))]);
    // The batch goes out under a share lock on the delivery row: a Stop (or a cascade) updates
    // that row, so it waits for the batch in flight, and once it commits no message of this
    // delivery is handed to SMTP any more. The claim stays committed on its own, before: a crash
    // mid-batch leaves messages `sending`, never sent twice.
    const results = await db.transaction(async (tx) => {
      const [locked] = await tx.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.id, deliveryId)).for("share");
      if (locked?.status !== "in_progress") {
        await tx.update(deliveryMessages).set({ status: "queued", claimedAt: null }).where(inArray(deliveryMessages.id, claimed.map((r) => r.id)));
        return null;
      }
      return Promise.allSettled(
        claimed.map((row) => {
          const msg = renderMessage({ subject: d.subject, body: d.body }, { email: row.email, firstName: row.first_name, lastName: row.last_name, attributes: row.attributes }, values.get(row.entity_id) ?? {}, row.id);
          return sendMessage({
            from: mailFrom(),
            to: row.email,
            subject: msg.subject,
            text: msg.text,
            html: msg.html,
            messageId: `<${row.id}@${domain}>`,
            headers: { "X-DM-Delivery": deliveryId, "List-Unsubscribe": `<${msg.unsubscribeUrl}>` },
          });
        }),
      );
    });
    if (!results) return "stopped";
    const sent: string[] = [];
    const retry: string[] = [];
    const bounced: { id: string; error: string }[] = [];
    const failed: { id: string; error: string }[] = [];
    results.forEach((r, i) => {
      const id = claimed[i]!.id;
      if (r.status === "fulfilled") return void sent.push(id);
      const kind = classify(r.reason);
      if (kind === "retry") retry.push(id);
      else (kind === "bounced" ? bounced : failed).push({ id, error: String((r.reason as Error)?.message ?? r.reason).slice(0, 500) });
    });
    await settle(sent, retry, bounced, failed);
    if (retry.length) throw new Error(`The SMTP server did not take ${retry.length} messages; they will be retried.`);
    if (d.rate) {
      // Throttle: a batch of `rate` messages takes at least a second.
      const minMs = (claimed.length / d.rate) * 1000;
      const spent = Date.now() - batchStart;
      if (spent < minMs) await new Promise((r) => setTimeout(r, minMs - spent));
    }
  }
  return "more";
}

async function settle(sent: string[], retry: string[], bounced: { id: string; error: string }[], failed: { id: string; error: string }[]) {
  await getDb().transaction(async (tx) => {
    if (sent.length) await tx.update(deliveryMessages).set({ status: "sent", sentAt: sql`now()` }).where(inArray(deliveryMessages.id, sent));
    if (retry.length) await tx.update(deliveryMessages).set({ status: "queued", claimedAt: null }).where(inArray(deliveryMessages.id, retry));
    for (const [status, rows] of [["bounced", bounced], ["failed", failed]] as const) {
      for (const r of rows) await tx.update(deliveryMessages).set({ status, error: r.error }).where(eq(deliveryMessages.id, r.id));
    }
    if (bounced.length) {
      const ids = bounced.map((b) => b.id);
      await tx
        .update(contacts)
        .set({ status: "bounced" })
        .where(and(eq(contacts.status, "active"), inArray(contacts.id, tx.select({ id: deliveryMessages.contactId }).from(deliveryMessages).where(inArray(deliveryMessages.id, ids)))));
    }
  });
}

async function finishIfDone(deliveryId: string): Promise<SendOutcome> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(deliveries)
      .set({ status: "finished", finishedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(deliveries.id, deliveryId),
          eq(deliveries.status, "in_progress"),
          sql`not exists (select 1 from ${deliveryMessages} where ${deliveryMessages.deliveryId} = ${deliveryId} and ${deliveryMessages.status} in ('queued', 'sending'))`,
        ),
      )
      .returning({ id: deliveries.id });
    // Messages still claimed by a slice that died: looked at again once their grace period ends.
    if (!row) return "waiting" as const;
    // The workflow moves on to what follows the delivery.
    await runOperationMgtSoon(tx);
    return "finished" as const;
  });
}
