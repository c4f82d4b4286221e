import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Runner } from "graphile-worker";
import { closeDb, getDb, getSql } from "../../db";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { seedDemoData } from "../../db/seed";
import { startWorker, stopWorker } from "../../jobs/worker";
import { loadActor } from "../../lib/auth/actor";
import { transportUrl } from "../../lib/mail/transport";
import { SEND_NOTIFICATION } from "../../lib/notifications/queue";
import { PUBLISH_PACKAGE } from "../../lib/packages/jobs";
import { freePort } from "../../lib/runtime/processes";
import { environment } from "./run-environment";
import { anchorMessages, anchorQueue, anchorSend } from "./fanout-anchor";
import { actionSeries, publishRun } from "./fanout-run";
import { fanoutSummary, renderFanoutReport, runsTable, type FanoutFigures, type FanoutRun } from "./fanout-report";
import { generateEntities } from "./generate";
import { machine } from "./machine";
import { timeOnce } from "./measure";
import { RESULTS, writeResultsSection } from "./results-file";
import { startSink, type Sink } from "./smtp-sink";
import { writeBenchSummary } from "./suite-report";

// Issue 7, B2: publish a package to 10,000 entities. The approval commits, the publish job queues
// the emails, the worker delivers them to a local SMTP sink; beside it, the same outbox written by
// hand and a bare nodemailer pool into the same sink. A benchmark, not a test: it reports, and
// checks only what must be exact (every email once, one link each).
//
//   npm run bench:fanout                    full scale, writes its section of RESULTS.md
//   npm run bench:fanout -- --smoke         100 entities, one run, prints only
//   … -- --entities=2000 --runs=1           another size (--actions=N approvals in the series, --warmup=0)
//   … -- --concurrency=N                    the worker's concurrency (WORKER_CONCURRENCY)
//   … -- --smtp-options='maxConnections=5'  the SMTP_URL's options in place of transportUrl's (pool=true is added)
// Any of these options makes it a what-if: figures printed, RESULTS.md left as it is.

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ENTITIES = Number(opt("entities") ?? (smoke ? 100 : 10_000));
const RUNS = Number(opt("runs") ?? (smoke ? 1 : 3));
const WARMUP = !smoke && opt("warmup") !== "0";
const ACTIONS = Number(opt("actions") ?? (smoke ? 5 : 20));
const resized = smoke || ["entities", "runs", "actions", "warmup", "concurrency", "smtp-options"].some((o) => opt(o) !== undefined);
if (opt("concurrency")) process.env.WORKER_CONCURRENCY = opt("concurrency");
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 5);
const TIMEOUT_MS = 30_000 + ENTITIES * 20;

async function oneRun(ctx: { actor: NonNullable<Awaited<ReturnType<typeof loadActor>>>; runner: Runner; sink: Sink; dataDir: string }, tag: string): Promise<FanoutRun> {
  const ours = await publishRun({ ...ctx, expected: ENTITIES, tag, timeoutMs: TIMEOUT_MS });
  const queue = await anchorQueue(getSql(), ours.packageId);
  const send = await anchorSend(ctx.sink, await anchorMessages(ours.packageId), tag, ctx.dataDir, TIMEOUT_MS);
  console.log(
    `  ${tag}: action ${ours.actionMs.toFixed(1)} ms, publish job ${ours.publishJobMs.toFixed(0)} ms, ${ours.sink.distinct}/${ENTITIES} emails at ${ours.rate.toFixed(0)} msg/s` +
      ` (last ${ours.lastEmailMs.toFixed(0)} ms after the commit); anchor: queue ${queue.ms.toFixed(0)} ms, send ${send.rate.toFixed(0)} msg/s`,
  );
  return { ours, queue, send };
}

async function main() {
  const started = Date.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), "dm-bench-fanout-"));
  const dataDir = path.join(dir, "data");
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  let sink: Sink | undefined;
  let runner: Runner | undefined;
  try {
    process.env.DATABASE_URL = pg.url;
    await migrateDatabase(pg.url);
    await seedDemoData();
    const sql = getSql();
    // The demo's own queued emails and jobs are not part of the scenario.
    await sql`delete from graphile_worker._private_jobs`;
    const generation: [string, number][] = [];
    generation.push([`${ENTITIES} entities + users + group members`, await timeOnce(() => generateEntities(sql, ENTITIES))]);
    generation.push(["VACUUM ANALYZE", await timeOnce(() => sql`vacuum analyze`)]);
    sink = await startSink();
    const extra = opt("smtp-options");
    process.env.SMTP_URL = extra ? `smtp://127.0.0.1:${sink.port}?pool=true&${extra}` : transportUrl(`smtp://127.0.0.1:${sink.port}`);
    const [admin] = await sql`select id from users where email = 'admin@central.demo'`;
    const actor = (await loadActor(getDb(), admin!.id as string))!;
    runner = await startWorker({ only: [PUBLISH_PACKAGE, SEND_NOTIFICATION] });
    const ctx = { actor, runner, sink, dataDir };
    console.log(`B2: ${ENTITIES} entities, worker concurrency ${CONCURRENCY}, SMTP_URL ${process.env.SMTP_URL}`);
    const warmup = WARMUP ? await oneRun(ctx, "warm-up") : null;
    const runs: FanoutRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(ctx, `run ${i + 1}`));
    const actions = await actionSeries(actor, ACTIONS, "series");
    const figures: FanoutFigures = {
      // machine() measures fsync (pg_test_fsync, ~30 s): only a run that writes RESULTS.md needs it.
      machine: resized ? null : machine(),
      postgres: (await environment(sql)).postgres,
      entities: ENTITIES,
      smoke: resized,
      concurrency: CONCURRENCY,
      smtpUrl: process.env.SMTP_URL.replace(/:\d+/, ":PORT"),
      generation,
      warmup,
      runs,
      actions,
      totalSeconds: (Date.now() - started) / 1000,
    };
    const summary = fanoutSummary(figures);
    writeBenchSummary(summary);
    console.log(`\n${runsTable(runs)}\n`);
    for (const r of summary.rows) console.log(`${r.id} ${r.scenario}: ours ${r.ours}, anchor ${r.anchor} (${r.ratio}), target ${r.target}`);
    for (const c of summary.checks.filter((x) => !x.ok)) console.log(`CHECK FAILED: ${c.name}: ${c.detail}`);
    if (resized) console.log("smoke or resized run: RESULTS.md left as it is");
    else {
      await writeResultsSection("fanout", renderFanoutReport(figures));
      console.log(`written its section of ${path.relative(process.cwd(), RESULTS)}`);
    }
  } finally {
    if (runner) await stopWorker(runner);
    await sink?.stop();
    await closeDb();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
