import type { Runner } from "graphile-worker";
import type postgres from "postgres";
import { getSql } from "../../db";
import type { Actor } from "../../lib/auth/actor";
import { reviewPackageDef } from "../../lib/packages/actions";
import { PUBLISH_PACKAGE } from "../../lib/packages/jobs";
import { pgCpuMs, type Cpu } from "./execution-cpu";
import { now } from "./execution-measure";
import { createPendingPackage } from "./fanout-data";
import { arrivalRate, watchSink, type Arrival } from "./fanout-watch";
import type { Sink, SinkStats } from "./smtp-sink";

// B2, the app's side: "Approve the package" on a local package offered to every bench entity,
// available now. The approval schedules the publish job; the worker (jobs/worker.ts, started by
// the benchmark) publishes, queues one email per entity, and sends them into the sink.

export const DOMAIN = "localhost"; // APP_URL is unset: http://localhost:3000, the Message-ID domain.

export type PublishRun = {
  tag: string;
  packageId: string;
  expected: number;
  actionMs: number;
  /** From the approval's commit: the publish job started, finished (emails queued), first and last email in the sink. */
  jobStartMs: number;
  queuedMs: number;
  publishJobMs: number;
  firstEmailMs: number;
  lastEmailMs: number;
  /** Messages per second into the sink, from the first to the last. */
  rate: number;
  /** Messages per second from the approval's commit to the last message in the sink. */
  endToEndRate: number;
  arrival: Arrival;
  sink: SinkStats;
  db: { queued: number; sent: number; tokens: number; distinctTokens: number; jobsLeft: number };
  /** Every Message-ID the sink got is one of this package's notifications marked sent, and each came once. */
  sinkMatchesDb: boolean;
  cpu: Cpu;
};

type JobEvent = { job: { task_identifier: string; payload: unknown } };

/** performance.now() at the publish job's start and success, for one package. */
function publishJobClock(runner: Runner, packageId: string) {
  const t = { start: NaN, end: NaN };
  const mine = (e: JobEvent) => e.job.task_identifier === PUBLISH_PACKAGE && (e.job.payload as { packageId?: string }).packageId === packageId;
  const onStart = (e: JobEvent) => void (mine(e) && (t.start = now()));
  const onSuccess = (e: JobEvent) => void (mine(e) && (t.end = now()));
  runner.events.on("job:start", onStart);
  runner.events.on("job:success", onSuccess);
  return { t, off: () => (runner.events.off("job:start", onStart), runner.events.off("job:success", onSuccess)) };
}

async function dbFigures(sql: postgres.Sql, packageId: string) {
  const [r] = await sql`select
      (select count(*) from notifications where event_key like ${`package:${packageId}:%`})::int as queued,
      (select count(*) from notifications where event_key like ${`package:${packageId}:%`} and status = 'sent')::int as sent,
      (select count(*) from action_tokens where subject_id = ${packageId} and purpose = 'package_offer')::int as tokens,
      (select count(distinct token_hash) from action_tokens where subject_id = ${packageId} and purpose = 'package_offer')::int as distinct_tokens,
      (select count(*) from graphile_worker.jobs)::int as jobs_left`;
  return { queued: r!.queued as number, sent: r!.sent as number, tokens: r!.tokens as number, distinctTokens: r!.distinct_tokens as number, jobsLeft: r!.jobs_left as number };
}

async function sinkMatches(sql: postgres.Sql, packageId: string, stats: SinkStats, expected: number): Promise<boolean> {
  const rows = await sql`select '<' || id || ${`@${DOMAIN}>`} as mid from notifications where event_key like ${`package:${packageId}:%`} and status = 'sent'`;
  const got = new Set(stats.ids ?? []);
  return stats.received === expected && stats.distinct === expected && stats.duplicates === 0 && rows.length === expected && rows.every((r) => got.has(r.mid as string));
}

export async function publishRun(opts: { actor: Actor; runner: Runner; sink: Sink; dataDir: string; expected: number; tag: string; timeoutMs: number }): Promise<PublishRun> {
  const sql = getSql();
  const packageId = await createPendingPackage(sql, opts.tag, 0);
  await opts.sink.reset();
  const clock = publishJobClock(opts.runner, packageId);
  const app0 = process.cpuUsage();
  const pg0 = pgCpuMs(opts.dataDir);
  const t0 = now();
  const result = await reviewPackageDef.run(opts.actor, { packageId, decision: "accept" });
  const committed = now();
  if (!result.ok) throw new Error(`approval refused: ${JSON.stringify(result)}`);
  const arrival = await watchSink(opts.sink, opts.expected, opts.timeoutMs);
  const app = process.cpuUsage(app0);
  const pgMs = pgCpuMs(opts.dataDir) - pg0;
  clock.off();
  // The last sends settle their rows a moment after the sink answered: wait for the outbox.
  for (let i = 0; i < 200 && (await dbFigures(sql, packageId)).sent < opts.expected; i++) await new Promise((r) => setTimeout(r, 50));
  const stats = await opts.sink.stats(true);
  const sinkMatchesDb = await sinkMatches(sql, packageId, stats, opts.expected);
  delete stats.ids;
  return {
    tag: opts.tag,
    packageId,
    expected: opts.expected,
    actionMs: committed - t0,
    jobStartMs: clock.t.start - committed,
    queuedMs: clock.t.end - committed,
    publishJobMs: clock.t.end - clock.t.start,
    firstEmailMs: arrival.firstAt - committed,
    lastEmailMs: arrival.lastAt - committed,
    rate: arrivalRate(arrival),
    endToEndRate: (arrival.received * 1000) / (arrival.lastAt - committed),
    arrival,
    sink: stats,
    db: await dbFigures(sql, packageId),
    sinkMatchesDb,
    cpu: { appMs: (app.user + app.system) / 1000, sinkMs: stats.cpuMs, pgMs, wallMs: arrival.lastAt - t0 },
  };
}

/**
 * The approval alone, many times: the same action on the same kind of package, available a day
 * from now, so that it schedules the publication and the fan-out does not run during the series.
 */
export async function actionSeries(actor: Actor, n: number, tag: string): Promise<number[]> {
  const sql = getSql();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const packageId = await createPendingPackage(sql, `${tag}-${i}`, 1);
    const t0 = now();
    const result = await reviewPackageDef.run(actor, { packageId, decision: "accept" });
    out.push(now() - t0);
    if (!result.ok) throw new Error(`approval refused: ${JSON.stringify(result)}`);
  }
  return out;
}
