import type postgres from "postgres";
import { sql } from "drizzle-orm";
import { getDb, getSql } from "../../db";
import { startReadyDeliveries } from "../../lib/deliveries/start";
import { schedulePublication } from "../../lib/packages/jobs";
import { SEGMENTS, type Fixture } from "./execution-data";
import { setupDelivery } from "./execution-delivery";

// The work B9 asks the worker to do while the web server is under load, through the app's own
// jobs: B2's fan-out (an approved package offered to every bench entity, whose publish_package
// job publishes it and queues one email per entity) and B4's delivery (a workflow's email
// delivery started as deliveryMgt starts it, whose send_delivery job sends it in slices).

/**
 * The generated catalog's approved packages whose availability date has passed, published, as
 * they would have been at the time. Left approved, operationMgt's sweep (lib/technical/
 * operation-mgt.ts) queues their publication within the first minute of the worker: at full
 * scale thousands of packages, each emailing every local entity, which is not B2's scenario.
 */
export async function publishOverdueCatalog(sql: postgres.Sql): Promise<number> {
  const done = await sql`update packages set status = 'published', status_changed_at = available_at
    where status = 'approved' and available_at <= now() and internal_name like 'bench-pkg-%'`;
  return done.count;
}

/**
 * An approved local package for every bench entity, with its publication queued as an approval
 * queues it: the package, its audience and its job in one transaction, as the approval commits
 * them. Written apart, operationMgt's sweep for lost publications could see the package approved
 * and due before its audience existed, and publish it to no one (a full run did, 2026-11-24).
 */
export async function queueFanout(tag: string): Promise<string> {
  return getDb().transaction(async (tx) => {
    const [p] = await tx.execute<{ id: string; available_at: string }>(sql`
      insert into packages (kind, label, internal_name, reference_campaign_id, limit_to_audience, start_at, end_at, available_at, status, revision)
      select 'local', ${`B9 fan-out ${tag}`}, ${`bench-b9-fanout-${tag}`}, c.id, true, now(), now() + interval '30 days', now() - interval '1 minute', 'approved', 1
      from campaigns c where c.entity_id is null order by c.created_at, c.id limit 1
      returning id, available_at`);
    const packageId = p!.id;
    await tx.execute(sql`insert into package_audience (package_id, entity_id) select ${packageId}, id from entities where internal_name like 'bench-e-%'`);
    await schedulePublication(tx, packageId, 1, new Date(p!.available_at));
    return packageId;
  });
}

/**
 * `n` deliveries, each on its own workflow whose Query takes one segment (a tenth of the contacts,
 * so that no contact is pressed by the deliveries before it), run up to Start pending and held
 * back by a scheduled date at infinity. Called before the worker starts: its deliveryMgt would
 * otherwise start them at once.
 */
export async function prepareDeliveries(fx: Fixture, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let k = 0; k < Math.min(n, SEGMENTS); k++) {
    const { firstDeliveryId } = await setupDelivery(fx, `B9 delivery ${k + 1}`, [{ field: "segment", operator: "equals", value: `seg-${k}` }], false);
    await getSql()`update deliveries set scheduled_at = 'infinity' where id = ${firstDeliveryId}`;
    ids.push(firstDeliveryId);
  }
  return ids;
}

/** Releases a held delivery and starts it as deliveryMgt does: its messages, then its send job. */
export async function startDelivery(deliveryId: string): Promise<number> {
  await getSql()`update deliveries set scheduled_at = null where id = ${deliveryId}`;
  const { messages } = await getDb().transaction((tx) => startReadyDeliveries(tx, { deliveryIds: [deliveryId] }));
  return messages;
}

export type WorkDone = {
  fanouts: { queued: number; published: number; notifications: number; sent: number; perPackage: number[] };
  deliveries: { started: number; queued: number; sent: number; finished: number };
  /** Emails the database marks sent since the worker started: notifications + delivery messages. */
  sentInDb: number;
  /** Jobs still locked once the worker has stopped: a graceful stop returns the jobs it held. */
  lockedJobs: number;
  /** Emails sent since the worker started, by notification template or delivery. */
  byKind: [string, number][];
};

/** What the worker did; `since` (the database's clock before the worker started) bounds the emails counted as sent. */
export async function workDone(fanoutIds: string[], deliveryIds: string[], since: Date): Promise<WorkDone> {
  const sql = getSql();
  const packages = await sql`
    select p.status, count(n.id)::int as queued, (count(n.id) filter (where n.status = 'sent'))::int as sent
    from packages p left join notifications n on n.event_key like 'package:' || p.id || ':%'
    where p.id = any(${fanoutIds}::uuid[]) group by p.id, p.status`;
  const published = packages.filter((r) => r.status === "published");
  const [d] = await sql`
    select (count(*) filter (where d.status not in ('start_pending', 'pending_confirmation')))::int as started,
      (count(*) filter (where d.status = 'finished'))::int as finished,
      (select count(*)::int from delivery_messages m where m.delivery_id = any(${deliveryIds}::uuid[]) and m.status <> 'excluded') as queued,
      (select count(*)::int from delivery_messages m where m.delivery_id = any(${deliveryIds}::uuid[]) and m.status = 'sent') as sent
    from deliveries d where d.id = any(${deliveryIds}::uuid[])`;
  const [n] = await sql`select (select count(*)::int from notifications where status = 'sent' and sent_at >= ${since})
    + (select count(*)::int from delivery_messages where status = 'sent' and sent_at >= ${since}) as sent,
    (select count(*)::int from graphile_worker.jobs where locked_at is not null) as locked`;
  const kinds = await sql`
    select 'notification: ' || template as kind, count(*)::int as n from notifications where status = 'sent' and sent_at >= ${since} group by 1
    union all
    select 'delivery: ' || d.label, count(*)::int from delivery_messages m join deliveries d on d.id = m.delivery_id
    where m.status = 'sent' and m.sent_at >= ${since} group by 1
    order by 2 desc`;
  const sum = (k: string) => published.reduce((a, r) => a + (r[k] as number), 0);
  return {
    fanouts: { queued: fanoutIds.length, published: published.length, notifications: sum("queued"), sent: sum("sent"), perPackage: published.map((r) => r.queued as number) },
    deliveries: { started: d!.started as number, queued: d!.queued as number, sent: d!.sent as number, finished: d!.finished as number },
    sentInDb: n!.sent as number,
    lockedJobs: n!.locked as number,
    byKind: kinds.map((k) => [k.kind as string, k.n as number]),
  };
}
