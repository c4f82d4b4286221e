import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/postgres-js";
import { getDb, getSql, schema } from "../../db";
import type { Actor } from "../../lib/auth/actor";
import { cancelPackage } from "../../lib/packages/cancel";
import { runCancelCascade } from "../../lib/packages/cascade";
import { anchorCascade } from "./anchor";
import { timeOnce } from "./measure";

type Counters = { notifications: number; jobs: number; canceledOrders: number };
export type CascadeRun = { cancelMs: number; cascadeMs: number; ran: boolean; ordersCanceled: number; notified: number; jobsAdded: number; state: string };
export type Step = { statement: string; calls: number; ms: number };
export type CascadeFigures = { ours: CascadeRun; replay: CascadeRun; anchor: CascadeRun; steps: Step[]; anchorSteps: Step[] };

async function counters(packageId: string): Promise<Counters> {
  const [c] = await getSql()`select
    (select count(*) from notifications)::int as notifications,
    (select count(*) from graphile_worker.jobs)::int as jobs,
    (select count(*) from orders where package_id = ${packageId} and status = 'canceled')::int as canceled_orders`;
  return { notifications: c!.notifications, jobs: c!.jobs, canceledOrders: c!.canceled_orders };
}

/** What the cascade left on the reference campaign, so both versions can be seen to agree. */
async function campaignState(packageId: string): Promise<string> {
  const [s] = await getSql()`select c.status as campaign,
      (select string_agg(status::text, ',' order by status) from workflows where campaign_id = c.id) as workflows,
      (select string_agg(status::text, ',' order by status) from deliveries where campaign_id = c.id) as deliveries
    from packages p join campaigns c on c.id = p.reference_campaign_id where p.id = ${packageId}`;
  return `campaign ${s!.campaign}; workflows ${s!.workflows}; deliveries ${s!.deliveries}`;
}

async function cancel(actor: Actor, packageId: string): Promise<{ ms: number; revision: number }> {
  const ms = await timeOnce(() => getDb().transaction((tx) => cancelPackage(tx, actor, { packageId, comment: "Supplier withdrew (benchmark)" })));
  const [p] = await getSql()`select revision from packages where id = ${packageId}`;
  return { ms, revision: p!.revision as number };
}

async function measured(packageId: string, cancelMs: number, run: () => Promise<{ ran: boolean }>): Promise<CascadeRun> {
  const before = await counters(packageId);
  let ran = false;
  const cascadeMs = await timeOnce(async () => {
    ran = (await run()).ran;
  });
  const after = await counters(packageId);
  return {
    cancelMs,
    cascadeMs,
    ran,
    ordersCanceled: after.canceledOrders - before.canceledOrders,
    notified: after.notifications - before.notifications,
    jobsAdded: after.jobs - before.jobs,
    state: await campaignState(packageId),
  };
}

/**
 * Where the app's cascade spends its time, from a third identical package: the gap between one
 * statement leaving and the next one (or the end) covers the statement and the JS work after it.
 */
async function stepTimes(actor: Actor, packageId: string) {
  const { revision } = await cancel(actor, packageId);
  const marks: { statement: string; at: number }[] = [];
  const traced = drizzle(getSql(), {
    schema,
    logger: { logQuery: (q) => marks.push({ statement: q.replace(/\s+/g, " ").trim().slice(0, 60), at: performance.now() }) },
  });
  await runCancelCascade(traced, { packageId, revision });
  const end = performance.now();
  // The outbox is written in batches: one line per distinct statement, with its number of calls.
  const steps = new Map<string, Step>();
  marks.forEach((m, i) => {
    const s = steps.get(m.statement) ?? steps.set(m.statement, { statement: m.statement, calls: 0, ms: 0 }).get(m.statement)!;
    s.calls += 1;
    s.ms += (marks[i + 1]?.at ?? end) - m.at;
  });
  return [...steps.values()];
}

export async function benchCascade(actor: Actor, ids: { ours: string; anchor: string; traced: string }): Promise<CascadeFigures> {
  const a = await cancel(actor, ids.ours);
  const ours = await measured(ids.ours, a.ms, () => runCancelCascade(getDb(), { packageId: ids.ours, revision: a.revision }));
  const replay = await measured(ids.ours, 0, () => runCancelCascade(getDb(), { packageId: ids.ours, revision: a.revision }));
  const b = await cancel(actor, ids.anchor);
  let anchorSteps: Step[] = [];
  const anchor = await measured(ids.anchor, b.ms, async () => {
    const r = await anchorCascade(getSql(), { packageId: ids.anchor, revision: b.revision });
    anchorSteps = r.steps.map((s) => ({ ...s, calls: 1 }));
    return r;
  });
  const steps = await stepTimes(actor, ids.traced);
  return { ours, replay, anchor, steps, anchorSteps };
}
