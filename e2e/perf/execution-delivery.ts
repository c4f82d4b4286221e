import nodemailer, { type Transporter } from "nodemailer";
import { getDb, getSql } from "../../db";
import type { TargetingCondition, WorkflowActivity } from "../../db/schema";
import { sendDeliverySlice, type SendOutcome } from "../../lib/deliveries/send";
import { materializeMessages } from "../../lib/deliveries/start";
import { runQuery } from "../../lib/execution/population";
import { advanceWorkflow } from "../../lib/execution/runner";
import { closeTransport, transportUrl } from "../../lib/mail/transport";
import { createDelivery, createWorkflow, TARGET_SEGMENT, type Fixture } from "./execution-data";
import { now, rolledBack, rolledBackSql, sample, tracedDb, type Sample } from "./execution-measure";
import { explain } from "./measure";
import { CLAIM_SQL, claimProbe, type ClaimProbe } from "./execution-claim";
import { splitProbe, type SplitProbe } from "./execution-split";
import { cpuDuring, type Cpu } from "./execution-cpu";
import { anchorSend, BATCH, DOMAIN, mailOf, prepareAnchor, renderCost } from "./execution-mail";
import { PhaseClock, withPhaseClock, type Phases } from "./execution-phases";
import type { Sink, SinkStats } from "./smtp-sink";

// B4: one email delivery to the target segment (100,000 contacts at full scale) through the
// typology rules, into a counting SMTP sink. Ours is the app's path: materializeMessages, then
// sendDeliverySlice until it says "finished". The anchor is a nodemailer pool with the same
// settings (lib/mail/transport.ts transportUrl: 20 connections, 100 messages each) sending as many
// pre-rendered messages to the same sink, with no database and no rendering.


export type DeliveryRun = {
  messages: number;
  materializeMs: number;
  materialized: number;
  byStatus: Record<string, number>;
  expected: { targeted: number; unsubscribed: number; bounced: number; pressure: number; control: number; queued: number };
  countsMatch: boolean;
  slices: number;
  outcomes: SendOutcome[];
  sendMs: number;
  msgPerSec: number;
  sink: SinkStats;
  sinkMatchesDb: boolean;
  phases: Phases;
  cpu: Cpu;
  anchor: { ms: number; msgPerSec: number; sink: SinkStats; failures: number; cpu: Cpu };
};

export type DeliveryFigures = {
  setup: FlowSetup;
  warmSetup: FlowSetup | null;
  split: SplitProbe;
  materializePlan?: string;
  claimProbe?: ClaimProbe;
  /** false in dumps made before pgCpuMs counted the postmaster's exited children. */
  pgCpuComplete?: boolean;
  modes: ModeFigures[];
  render: { messages: number; renderUs: number; mimeUs: number; composerUs: number; bytes: number };
  claimPlan?: string;
};

// --- Counts the typology rules should give, computed independently of materializeMessages. ---

async function expectedCounts(workflowId: string, deliveryId: string, fx: Fixture) {
  const p = fx.typology.pressure!;
  const [r] = await getSql()`
    with t as (select c.id, c.status from workflow_targets t join contacts c on c.id = t.contact_id where t.workflow_id = ${workflowId} and t.excluded_by is null),
    pressed as (select contact_id from delivery_messages where delivery_id <> ${deliveryId} and sent_at > now() - make_interval(days => ${p.days})
      group by contact_id having count(*) >= ${p.maxMessages})
    select count(*)::int as targeted,
      count(*) filter (where status = 'unsubscribed')::int as unsubscribed,
      count(*) filter (where status = 'bounced')::int as bounced,
      count(*) filter (where status = 'active' and id in (select contact_id from pressed))::int as pressure
    from t`;
  const eligible = r!.targeted - r!.unsubscribed - r!.bounced - r!.pressure;
  const control = Math.floor((eligible * fx.typology.controlGroupPercent) / 100);
  return { targeted: r!.targeted as number, unsubscribed: r!.unsubscribed as number, bounced: r!.bounced as number, pressure: r!.pressure as number, control, queued: eligible - control };
}

async function messageCounts(deliveryId: string): Promise<Record<string, number>> {
  const rows = await getSql()`select coalesce(excluded_reason, status::text) as k, count(*)::int as n from delivery_messages where delivery_id = ${deliveryId} group by 1 order by 1`;
  return Object.fromEntries(rows.map((r) => [r.k as string, r.n as number]));
}

// --- The scenario. ---

export type FlowSetup = { how: string; queryMs: number | null; advanceMs: number; populations: Record<string, number>; targeted: number };

/**
 * A workflow Query → Split by entity → Delivery → End on the by-target-approval campaign, run up
 * to its delivery. `fromScratch`: one advanceWorkflow, as operationMgt runs it (Query and Split in
 * one transaction). Otherwise the Query is run and committed first and workflow_targets analyzed,
 * then advanceWorkflow does the rest: in one transaction, the Split of 100,000 targets does not
 * finish (see splitProbe).
 */
export async function setupDelivery(fx: Fixture, label: string, targeting: TargetingCondition[], fromScratch: boolean): Promise<{ workflowId: string; firstDeliveryId: string; setup: FlowSetup }> {
  const sql = getSql();
  const workflowId = await createWorkflow(sql, fx.bta.campaignId, label, targeting);
  const deliveryId = await createDelivery(sql, fx.bta.campaignId, workflowId, `${label}: first delivery`, "pending_confirmation");
  const activities: WorkflowActivity[] = [
    { id: "q", kind: "query", label: "Targeting", next: ["s"] },
    { id: "s", kind: "split", label: "Split by entity", next: ["d"], distributionId: fx.distributionId },
    { id: "d", kind: "delivery", label: "Email", next: ["e"], deliveryId },
    { id: "e", kind: "end", label: "End", next: [] },
  ];
  await sql`update workflows set activities = ${JSON.stringify(activities)}::jsonb where id = ${workflowId}`;
  let queryMs: number | null = null;
  if (!fromScratch) {
    const t = now();
    const n = await getDb().transaction((tx) => runQuery(tx, workflowId, { id: fx.bta.campaignId, entityId: null, templateId: fx.bta.templateId }, targeting));
    queryMs = now() - t;
    await sql`analyze workflow_targets`;
    await sql`update workflows set run_state = ${JSON.stringify({ done: ["q"], waiting: {} })}::jsonb, populations = ${JSON.stringify({ q: n })}::jsonb where id = ${workflowId}`;
  }
  // operationMgt's step: (Query,) Split, then the workflow reaches the delivery (Start pending).
  const t0 = now();
  const advanced = await getDb().transaction((tx) => advanceWorkflow(tx, workflowId));
  const advanceMs = now() - t0;
  if (!advanced) throw new Error(`advanceWorkflow did not move ${label}`);
  const [w] = await sql`select populations from workflows where id = ${workflowId}`;
  const [d] = await sql`select status from deliveries where id = ${deliveryId}`;
  if (d!.status !== "start_pending") throw new Error(`${label}: delivery is ${d!.status}, expected start_pending`);
  const [t] = await sql`select count(*)::int as n from workflow_targets where workflow_id = ${workflowId} and excluded_by is null`;
  await sql`vacuum analyze workflow_targets`;
  return {
    workflowId,
    firstDeliveryId: deliveryId,
    setup: {
      how: fromScratch ? "advanceWorkflow: Query + Split + reach the delivery, one transaction" : "runQuery committed, ANALYZE workflow_targets, then advanceWorkflow: Split + reach the delivery",
      queryMs,
      advanceMs,
      populations: w!.populations as Record<string, number>,
      targeted: t!.n as number,
    },
  };
}

async function oneRun(opts: { fx: Fixture; workflowId: string; deliveryId: string; sink: Sink; anchor: Transporter; dataDir: string; tag: string; profile: boolean }): Promise<DeliveryRun & { prepared: ReturnType<typeof mailOf>[] }> {
  const { fx, workflowId, deliveryId, sink, dataDir } = opts;
  const sql = getSql();
  const expected = await expectedCounts(workflowId, deliveryId, fx);
  const t0 = now();
  const materialized = await getDb().transaction((tx) => materializeMessages(tx, { id: deliveryId, workflowId }, fx.typology));
  const materializeMs = now() - t0;
  // What startReadyDeliveries does next (its send job is not needed: the benchmark sends).
  await sql`update deliveries set status = 'in_progress', started_at = now(), updated_at = now() where id = ${deliveryId}`;
  const byStatus = await messageCounts(deliveryId);
  const queued = byStatus.queued ?? 0;
  const countsMatch =
    materialized === expected.targeted &&
    queued === expected.queued &&
    (byStatus.unsubscribed ?? 0) === expected.unsubscribed &&
    (byStatus.bounced ?? 0) === expected.bounced &&
    (byStatus.pressure ?? 0) === expected.pressure &&
    (byStatus.control_group ?? 0) === expected.control;
  const prepared = await prepareAnchor(deliveryId, fx.bta.campaignId);
  await sql`vacuum analyze delivery_messages`;

  const clock = new PhaseClock();
  const outcomes: SendOutcome[] = [];
  const send = async () => {
    for (;;) {
      const o = await sendDeliverySlice(deliveryId, { sliceMs: 3_600_000 });
      outcomes.push(o);
      if (o === "finished" || o === "stopped" || outcomes.length > 1000) return;
      if (o === "waiting") await new Promise((r) => setTimeout(r, 100));
    }
  };
  const ours = await cpuDuring(dataDir, sink, () => (opts.profile ? withPhaseClock(clock, send) : send()));
  const sendMs = ours.cpu.wallMs;
  const phases = clock.finish(sendMs);
  const sentIds = await sql`select '<' || id || ${`@${DOMAIN}>`} as mid from delivery_messages where delivery_id = ${deliveryId} and status = 'sent'`;
  const got = new Set(ours.stats.ids ?? []);
  const sinkMatchesDb =
    ours.stats.received === queued && ours.stats.distinct === queued && ours.stats.duplicates === 0 && sentIds.length === queued && sentIds.every((r) => got.has(r.mid as string));
  delete ours.stats.ids;

  let failures = 0;
  const anchor = await cpuDuring(dataDir, sink, async () => {
    failures = await anchorSend(opts.anchor, prepared, queued, opts.tag);
  });
  delete anchor.stats.ids;
  return {
    messages: queued,
    materializeMs,
    materialized,
    byStatus: await messageCounts(deliveryId),
    expected,
    countsMatch,
    slices: outcomes.length,
    outcomes,
    sendMs,
    msgPerSec: (queued * 1000) / sendMs,
    sink: ours.stats,
    sinkMatchesDb,
    phases,
    cpu: ours.cpu,
    anchor: { ms: anchor.cpu.wallMs, msgPerSec: (queued * 1000) / anchor.cpu.wallMs, sink: anchor.stats, failures, cpu: anchor.cpu },
    prepared,
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of materializeMessages' INSERT … SELECT as drizzle sends it, on a
 * throwaway delivery of the workflow, in a rolled-back transaction.
 */
export async function materializePlan(fx: Fixture, workflowId: string): Promise<string> {
  const sql = getSql();
  const deliveryId = await createDelivery(sql, fx.bta.campaignId, workflowId, "B4 materialize plan", "pending_confirmation");
  const traced = tracedDb();
  await rolledBack(traced.db, (tx) => materializeMessages(tx, { id: deliveryId, workflowId }, fx.typology));
  const st = traced.statements.find((x) => /insert into delivery_messages/i.test(x.query))!;
  const plan = await rolledBackSql(sql, (tx) => explain(tx, st.query, st.params));
  await sql`delete from deliveries where id = ${deliveryId}`;
  await sql`vacuum analyze delivery_messages`;
  return plan.text;
}

/** A delivery run whose messages are dropped afterwards, so the next run's pressure rule sees the same history. */
async function forget(deliveryId: string) {
  const sql = getSql();
  await sql`delete from delivery_messages where delivery_id = ${deliveryId}`;
  await sql`vacuum analyze delivery_messages`;
}

export type DeliveryMode = { name: string; runs: number; warmup: boolean };
export type ModeFigures = { mode: DeliveryMode; runs: DeliveryRun[]; ours: Sample; anchor: Sample; materialize: Sample };

export async function benchDelivery(fx: Fixture, opts: { sink: Sink; dataDir: string; modes: DeliveryMode[]; splitSizes: number[]; splitTimeoutMs: number }): Promise<DeliveryFigures> {
  const sql = getSql();
  process.env.SMTP_URL = `smtp://127.0.0.1:${opts.sink.port}`;
  console.log("B4: runSplit right after a population INSERT, at growing sizes…");
  const split = await splitProbe(fx, opts.splitSizes, opts.splitTimeoutMs);
  console.log("B4: the delivery's workflow up to its delivery…");
  const target: TargetingCondition[] = [{ field: "segment", operator: "equals", value: TARGET_SEGMENT }];
  const { workflowId, firstDeliveryId, setup } = await setupDelivery(fx, "B4 delivery", target, false);
  // Warm-ups run on a twentieth of the target (city City 000…009), through the same code paths;
  // that workflow is small enough for one advanceWorkflow from scratch.
  const warmFlow = opts.modes.some((m) => m.warmup) ? await setupDelivery(fx, "B4 warm-up", [...target, { field: "city", operator: "contains", value: "city 00" }], true) : null;
  let warmFirst = true;
  console.log("B4: EXPLAIN of materializeMessages…");
  const matPlan = await materializePlan(fx, workflowId);
  console.log("B4: the claim as the delivery progresses…");
  const claim = await claimProbe(fx, workflowId);
  let render: DeliveryFigures["render"] | undefined;
  let claimPlan: string | undefined;
  const modes: ModeFigures[] = [];
  let first = true;
  for (const mode of opts.modes) {
    const runMode = async () => {
      // Fresh pools for each mode: lib/mail/transport.ts's, and the anchor's, built from the same
      // URL, by the same rule (lib/mail/transport.ts transportUrl).
      closeTransport();
      const anchor = nodemailer.createTransport(transportUrl(process.env.SMTP_URL!));
      const runs: DeliveryRun[] = [];
      const total = mode.runs + (mode.warmup ? 1 : 0);
      for (let i = 0; i < total; i++) {
        const warm = mode.warmup && i === 0;
        const label = warm ? "warm-up" : `run ${runs.length + 1}`;
        const flow = warm ? warmFlow!.workflowId : workflowId;
        const deliveryId = warm
          ? warmFirst
            ? warmFlow!.firstDeliveryId
            : await createDelivery(sql, fx.bta.campaignId, flow, `B4 ${mode.name} ${label}`, "pending_confirmation")
          : first
            ? firstDeliveryId
            : await createDelivery(sql, fx.bta.campaignId, flow, `B4 ${mode.name} ${label}`, "pending_confirmation");
        if (!warm && first && !claimPlan) {
          // The first claim, on a freshly materialized delivery: EXPLAIN in a rolled-back transaction.
          await getDb().transaction((tx) => materializeMessages(tx, { id: deliveryId, workflowId }, fx.typology));
          await sql`vacuum analyze delivery_messages`;
          claimPlan = (await rolledBackSql(sql, (tx) => explain(tx, CLAIM_SQL, [deliveryId, BATCH]))).text;
          await forget(deliveryId);
        }
        if (warm) warmFirst = false;
        else first = false;
        console.log(`B4 [${mode.name}] ${label}: materialize, send, anchor…`);
        const r = await oneRun({ fx, workflowId: flow, deliveryId, sink: opts.sink, anchor, dataDir: opts.dataDir, tag: label.replace(/\W/g, ""), profile: true });
        console.log(`  ${r.messages} messages: ours ${r.msgPerSec.toFixed(0)} msg/s, anchor ${r.anchor.msgPerSec.toFixed(0)} msg/s, materialize ${r.materializeMs.toFixed(0)} ms, counts ${r.countsMatch ? "ok" : "MISMATCH"}, sink ${r.sinkMatchesDb ? "ok" : "MISMATCH"}`);
        if (!render && !warm) render = await renderCost(deliveryId, fx.bta.campaignId, r.messages);
        const { prepared: _prepared, ...run } = r;
        if (!warm) runs.push(run);
        await forget(deliveryId);
      }
      anchor.close();
      closeTransport();
      return runs;
    };
    const runs = await runMode();
    modes.push({ mode, runs, ours: sample(runs.map((r) => r.msgPerSec)), anchor: sample(runs.map((r) => r.anchor.msgPerSec)), materialize: sample(runs.map((r) => r.materializeMs)) });
  }
  return { setup, warmSetup: warmFlow?.setup ?? null, split, materializePlan: matPlan, claimProbe: claim, pgCpuComplete: true, modes, render: render!, claimPlan };
}
