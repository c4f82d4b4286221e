import { readdirSync, readFileSync } from "node:fs";
import { drizzle } from "drizzle-orm/postgres-js";
import nodemailer, { type Transporter } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { getDb, getSql, schema, type Db } from "../../db";
import type { TargetingCondition, WorkflowActivity } from "../../db/schema";
import { sendDeliverySlice, type SendOutcome } from "../../lib/deliveries/send";
import { renderMessage, type RenderedMessage } from "../../lib/deliveries/render";
import { materializeMessages } from "../../lib/deliveries/start";
import { runQuery } from "../../lib/execution/population";
import { advanceWorkflow } from "../../lib/execution/runner";
import { buildMessage } from "../../lib/mail/mime";
import { closeTransport, getTransport, mailFrom, transportUrl } from "../../lib/mail/transport";
import { createDelivery, createWorkflow, TARGET_SEGMENT, type Fixture } from "./execution-data";
import { now, rolledBack, rolledBackSql, sample, tracedDb, type Sample } from "./execution-measure";
import { explain } from "./measure";
import { CLAIM_SQL, claimProbe, type ClaimProbe } from "./execution-claim";
import { splitProbe, type SplitProbe } from "./execution-split";
import type { Sink, SinkStats } from "./smtp-sink";

// B4: one email delivery to the target segment (100,000 contacts at full scale) through the
// typology rules, into a counting SMTP sink. Ours is the app's path: materializeMessages, then
// sendDeliverySlice until it says "finished". The anchor is a nodemailer pool with the same
// settings (lib/mail/transport.ts transportUrl: 20 connections, 100 messages each) sending as many
// pre-rendered messages to the same sink, with no database and no rendering.

const BATCH = 200; // sendDeliverySlice's default batch: the anchor keeps as many in flight.
const DOMAIN = "localhost"; // APP_URL is http://localhost:3000 in the benchmark.

export type Phases = {
  batches: number;
  messages: number;
  /** Sums over batches, ms. */
  statusRead: number;
  claim: number;
  renderSubmit: number;
  smtp: number;
  settle: number;
  /** Wall time of the whole send minus the sums above: slice start (order values, sweep), the final empty claim and finish. */
  rest: number;
  wall: number;
};

export type Cpu = { appMs: number; sinkMs: number; pgMs: number; wallMs: number };

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

// --- CPU accounting: this process, the sink process, and PostgreSQL's processes (/proc). ---

/** utime + stime of a process, and cutime + cstime: its children that exited and were waited for. */
function ticksOf(pid: number, withExitedChildren = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields 14-17 of proc(5), counted from the state field (3)
    return Number(f[11]) + Number(f[12]) + (withExitedChildren ? Number(f[13]) + Number(f[14]) : 0);
  } catch {
    return 0;
  }
}

/**
 * CPU ms of the postmaster whose command line names dataDir, of its live children, and of those
 * that exited (autovacuum workers, closed backends: the postmaster's cutime/cstime), so that the
 * figure only grows.
 */
export function pgCpuMs(dataDir: string): number {
  const pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
  let master = 0;
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dataDir)) master = pid;
    } catch {
      // gone
    }
  }
  if (!master) return NaN;
  let ticks = ticksOf(master, true);
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === master) ticks += ticksOf(pid);
    } catch {
      // gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

async function cpuDuring<T>(dataDir: string, sink: Sink, fn: () => Promise<T>): Promise<{ out: T; cpu: Cpu; stats: SinkStats }> {
  await sink.reset();
  const app0 = process.cpuUsage();
  const pg0 = pgCpuMs(dataDir);
  const t0 = now();
  const out = await fn();
  const wallMs = now() - t0;
  const app = process.cpuUsage(app0);
  const pgMs = pgCpuMs(dataDir) - pg0;
  const stats = await sink.stats(true);
  return { out, stats, cpu: { appMs: (app.user + app.system) / 1000, sinkMs: stats.cpuMs, pgMs, wallMs } };
}

// --- Phases of sendDeliverySlice, seen from outside lib/: the statements it sends (a drizzle
// logger on the app's pool) and the SMTP calls it makes (a wrapper around the pooled transport).

class PhaseClock {
  private b: { s: number; c: number; first: number; last: number; done: number; n: number; resolved: number } | null = null;
  p: Phases = { batches: 0, messages: 0, statusRead: 0, claim: 0, renderSubmit: 0, smtp: 0, settle: 0, rest: 0, wall: 0 };

  private close(at: number) {
    const b = this.b;
    if (b && b.n > 0 && b.done) {
      this.p.batches += 1;
      this.p.messages += b.n;
      this.p.statusRead += b.c - b.s;
      this.p.claim += b.first - b.c;
      this.p.renderSubmit += b.last - b.first;
      this.p.smtp += b.done - b.last;
      this.p.settle += at - b.done;
    }
    this.b = null;
  }
  onQuery(q: string) {
    const t = now();
    if (q.startsWith('select "status" from "deliveries"')) {
      this.close(t);
      this.b = { s: t, c: t, first: 0, last: 0, done: 0, n: 0, resolved: 0 };
    } else if (this.b && q.includes("set status = 'sending'")) this.b.c = t;
  }
  onCall() {
    const t = now();
    if (!this.b) return;
    if (!this.b.first) this.b.first = t;
    this.b.last = t;
    this.b.n += 1;
  }
  onSettled() {
    if (!this.b) return;
    this.b.resolved += 1;
    if (this.b.resolved === this.b.n) this.b.done = now();
  }
  finish(wall: number) {
    this.close(now());
    const p = this.p;
    p.wall = wall;
    p.rest = wall - (p.statusRead + p.claim + p.renderSubmit + p.smtp + p.settle);
    return p;
  }
}

type Cache = { db?: Db };

/** Runs fn with getDb() answering a logged drizzle instance and the app's transport wrapped. */
async function withPhaseClock<T>(clock: PhaseClock, fn: () => Promise<T>): Promise<T> {
  const cache = (globalThis as { __dmDb?: Cache }).__dmDb!;
  getDb();
  const original = cache.db!;
  cache.db = drizzle(getSql(), { schema, logger: { logQuery: (q) => clock.onQuery(q) } });
  const transport = getTransport();
  const sendMail = transport.sendMail.bind(transport);
  transport.sendMail = ((mail: Parameters<Transporter["sendMail"]>[0]) => {
    clock.onCall();
    const p = sendMail(mail);
    p.then(
      () => clock.onSettled(),
      () => clock.onSettled(),
    );
    return p;
  }) as Transporter["sendMail"];
  try {
    return await fn();
  } finally {
    cache.db = original;
    transport.sendMail = sendMail as Transporter["sendMail"];
  }
}

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

// --- Rendering alone, and MIME building alone: the app's builder, and nodemailer's composer that it replaced. ---

type Row = { id: string; email: string; entity_id: string; first_name: string; last_name: string; attributes: Record<string, string> };

async function rowsOf(deliveryId: string, limit: number): Promise<Row[]> {
  return (await getSql()`select m.id, m.email, m.entity_id, c.first_name, c.last_name, c.attributes
    from delivery_messages m join contacts c on c.id = m.contact_id
    where m.delivery_id = ${deliveryId} and m.status in ('queued', 'sent') order by m.id limit ${limit}`) as unknown as Row[];
}

async function orderValues(campaignId: string): Promise<Map<string, Record<string, string>>> {
  const rows = await getSql()`select distinct on (o.entity_id) o.entity_id, o.parameters from orders o join packages p on p.id = o.package_id
    where p.reference_campaign_id = ${campaignId} and o.status in ('approved', 'available') order by o.entity_id, o.updated_at desc`;
  return new Map(rows.map((r) => [r.entity_id as string, r.parameters as Record<string, string>]));
}

const content = async (deliveryId: string) => (await getSql()`select subject, body from deliveries where id = ${deliveryId}`)[0] as { subject: string; body: string };

const render = (c: { subject: string; body: string }, r: Row, values: Map<string, Record<string, string>>) =>
  renderMessage(c, { email: r.email, firstName: r.first_name, lastName: r.last_name, attributes: r.attributes }, values.get(r.entity_id) ?? {}, r.id);

const mailOf = (r: Row | { id: string; email: string }, msg: RenderedMessage, deliveryId: string, messageId: string) => ({
  from: mailFrom(),
  to: r.email,
  subject: msg.subject,
  text: msg.text,
  html: msg.html,
  messageId,
  headers: { "X-DM-Delivery": deliveryId, "List-Unsubscribe": `<${msg.unsubscribeUrl}>` },
});

async function renderCost(deliveryId: string, campaignId: string, n: number) {
  const rows = await rowsOf(deliveryId, n);
  const values = await orderValues(campaignId);
  const c = await content(deliveryId);
  const cpu0 = process.cpuUsage();
  const rendered = rows.map((r) => render(c, r, values));
  const renderCpu = process.cpuUsage(cpu0);
  const renderMs = (renderCpu.user + renderCpu.system) / 1000;
  const mimeRows = rows.slice(0, Math.min(rows.length, 10_000));
  const mails = mimeRows.map((r, i) => mailOf(r, rendered[i]!, deliveryId, `<${r.id}@${DOMAIN}>`));
  let bytes = 0;
  const cpu1 = process.cpuUsage();
  for (const m of mails) bytes += buildMessage(m).raw.length;
  const mimeCpu = process.cpuUsage(cpu1);
  // nodemailer's composer and serializer, as the pool ran them for each message before lib/mail/mime.ts.
  const cpu2 = process.cpuUsage();
  for (const m of mails) await new MailComposer(m).compile().build();
  const composerCpu = process.cpuUsage(cpu2);
  const us = (c: NodeJS.CpuUsage) => (c.user + c.system) / mails.length;
  return { messages: rows.length, renderUs: (renderMs * 1000) / rows.length, mimeUs: us(mimeCpu), composerUs: us(composerCpu), bytes: bytes / mails.length };
}

// --- The anchor: pre-rendered messages, the same pool settings, BATCH in flight, no app logic. ---

async function anchorSend(transport: Transporter, prepared: ReturnType<typeof mailOf>[], n: number, tag: string): Promise<number> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const m = prepared[i % prepared.length]!;
      try {
        await transport.sendMail({ ...m, messageId: `<anchor-${tag}-${i}@${DOMAIN}>` });
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: BATCH }, worker));
  return failures;
}

async function prepareAnchor(deliveryId: string, campaignId: string): Promise<ReturnType<typeof mailOf>[]> {
  const rows = await rowsOf(deliveryId, 1000);
  const values = await orderValues(campaignId);
  const c = await content(deliveryId);
  return rows.map((r) => mailOf(r, render(c, r, values), deliveryId, ""));
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
