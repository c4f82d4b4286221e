import type postgres from "postgres";
import { getDb, getSql } from "../../db";
import { materializeMessages } from "../../lib/deliveries/start";
import { createDelivery, type Fixture } from "./execution-data";
import { explain, type Plan } from "./measure";

// sendDeliverySlice claims each batch with `… where delivery_id = $1 and status = 'queued'
// order by id limit 200 for update skip locked`. How that costs as a delivery progresses: the
// claim under EXPLAIN (ANALYZE, BUFFERS) with 0 %, 50 % and 90 % of the messages already sent,
// as migrated (with the partial index delivery_messages_queued_idx) and without that index,
// dropped in a rolled-back transaction: what the index is worth as the send goes on.

export const QUEUE_INDEX = "delivery_messages_queued_idx on delivery_messages (delivery_id, id) where status = 'queued'";

/** The claim statement of lib/deliveries/send.ts, as it sends it. */
export const CLAIM_SQL = `update delivery_messages m set status = 'sending', claimed_at = now()
      from contacts c
      where m.id in (
        select id from delivery_messages where delivery_id = $1 and status = 'queued'
        order by id limit $2 for update skip locked
      ) and c.id = m.contact_id
      returning m.id, m.email, m.entity_id, c.first_name, c.last_name, c.attributes`;

export type ClaimPoint = { sentShare: number; index: boolean; executionMs: number; removedByFilter: number; driver: string };
export type ClaimProbe = { messages: number; points: ClaimPoint[]; latePlan: string };

class Rollback extends Error {}

/** The claim under EXPLAIN (ANALYZE, BUFFERS), in a rolled-back transaction, optionally with the index dropped first. */
async function claimNow(sql: postgres.Sql, deliveryId: string, share: number, index: boolean): Promise<{ point: ClaimPoint; plan: Plan }> {
  let out: { point: ClaimPoint; plan: Plan } | undefined;
  try {
    await sql.begin(async (tx) => {
      if (!index) {
        await tx`drop index delivery_messages_queued_idx`;
        await tx`analyze delivery_messages`;
      }
      const plan = await explain(tx, CLAIM_SQL, [deliveryId, 200]);
      const scan = plan.text.split("\n").find((l) => /Index Scan|Seq Scan|Bitmap Heap Scan/.test(l) && /on delivery_messages(?! m)/.test(l)) ?? plan.driver;
      out = { plan, point: { sentShare: share, index, executionMs: plan.executionMs, removedByFilter: plan.removedByFilter, driver: scan.trim().replace(/^->\s*/, "").replace(/\s*\(cost=.*$/, "") } };
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return out!;
}

/**
 * A delivery materialized from the workflow, then sent "on paper": the lowest ids marked sent in
 * claim order and committed, up to 0 %, 50 % and 90 %, each state vacuumed as autovacuum would
 * during a long send. At each, the next claim is explained as migrated and without the index.
 */
export async function claimProbe(fx: Fixture, workflowId: string): Promise<ClaimProbe> {
  const sql = getSql();
  const deliveryId = await createDelivery(sql, fx.bta.campaignId, workflowId, "B4 claim probe", "in_progress");
  await getDb().transaction((tx) => materializeMessages(tx, { id: deliveryId, workflowId }, fx.typology));
  await sql`vacuum analyze delivery_messages`;
  const [q] = await sql`select count(*)::int as n from delivery_messages where delivery_id = ${deliveryId} and status = 'queued'`;
  const queued = q!.n as number;
  const points: ClaimPoint[] = [];
  let latePlan = "";
  let sent = 0;
  for (const share of [0, 0.5, 0.9]) {
    const target = Math.floor(queued * share);
    if (target > sent) {
      await sql`update delivery_messages set status = 'sent', sent_at = now() where id in (select id from delivery_messages where delivery_id = ${deliveryId} and status = 'queued' order by id limit ${target - sent})`;
      sent = target;
      await sql`vacuum analyze delivery_messages`;
    }
    for (const index of [false, true]) {
      const { point, plan } = await claimNow(sql, deliveryId, share, index);
      points.push(point);
      if (share === 0.9 && !index) latePlan = plan.text;
      console.log(`  claim at ${share * 100} % sent${index ? "" : ", without the queued index"}: ${point.executionMs} ms, ${point.removedByFilter} rows removed by filter`);
    }
  }
  await sql`delete from deliveries where id = ${deliveryId}`;
  await sql`vacuum analyze delivery_messages`;
  return { messages: queued, points, latePlan };
}
