import { WEB_HEAP } from "../../lib/runtime/heap";
import { CONNECTIONS, type Load } from "./http-load";
import { workerCommand } from "./memory-worker";
import { machineRows, type Machine } from "./machine";
import { ms, table } from "./measure";
import type { WorkDone } from "./memory-load";
import type { TreeRss } from "./memory-proc";
import { sectionMarkers } from "./results-file";
import type { SinkStats } from "./smtp-sink";
import { equalCheck, fmtRatio, scenarioTable, type BenchSummary, type Check, type ScenarioRow } from "./suite-report";

// B9: resident memory of the web server and the worker over a long run of B1's page 1 at a fixed
// rate while the worker sends B2's fan-outs and B4's deliveries; its summary rows, checks and
// section of RESULTS.md.

export const B9_WEB_MB = 400;
export const B9_WORKER_MB = 200;
export const B9_GROWTH = 0.1;

export type RssSample = { t: number; web: TreeRss; worker: TreeRss; emails: number };

export type MemoryFigures = {
  smoke: boolean;
  machine: Machine;
  postgres: string;
  size: { entities: number; packages: number; contacts: number };
  generation: [string, number][];
  rate: number;
  seconds: number;
  sampleEvery: number;
  fanoutEvery: number;
  deliveryStarts: { t: number; messages: number }[];
  idle: { web: TreeRss; worker: TreeRss };
  commands: { web: string[]; worker: string[] };
  samples: RssSample[];
  load: Load;
  work: WorkDone;
  sink: SinkStats;
  entities: number;
  pageShowsNewest: { before: boolean; after: boolean };
};

type Who = "web" | "worker";
const mb = (n: number) => `${n.toFixed(0)} MB`;

/** The median of the tree's RSS over the samples within a twentieth of the run of `t`. */
export function rssAround(f: MemoryFigures, who: Who, t: number): number {
  const half = Math.max(f.sampleEvery, f.seconds / 20);
  const near = f.samples.filter((s) => Math.abs(s.t - t) <= half).map((s) => s[who].total).sort((a, b) => a - b);
  return near.length ? near[Math.floor((near.length - 1) / 2)]! : NaN;
}

// "Between minute 2 and minute 10" of ten: a fifth of the way in, and the end.
export const earlyAt = (f: MemoryFigures) => f.seconds / 5;

export function memoryFacts(f: MemoryFigures, who: Who) {
  const max = Math.max(...f.samples.map((s) => s[who].total));
  const largest = Math.max(...f.samples.map((s) => s[who].largest));
  const early = rssAround(f, who, earlyAt(f));
  const late = rssAround(f, who, f.seconds);
  return { max, largest, early, late, growth: (late - early) / early, idle: f.idle[who].total };
}

const minuteLabel = (f: MemoryFigures, t: number) => (f.smoke ? `${t.toFixed(0)} s` : `minute ${(t / 60).toFixed(0)}`);

export function memoryRows(f: MemoryFigures): ScenarioRow[] {
  const holds = (ok: boolean) => (f.smoke ? null : ok);
  const rows: ScenarioRow[] = [];
  for (const [who, name, limit] of [["web", "web server (next start)", B9_WEB_MB], ["worker", "worker (npm run worker)", B9_WORKER_MB]] as const) {
    const m = memoryFacts(f, who);
    rows.push({
      id: "B9",
      scenario: `${name}: peak RSS of its process tree under load, against the same server idle`,
      ours: mb(m.max),
      anchor: `${mb(m.idle)} (idle)`,
      ratio: fmtRatio(m.max, m.idle),
      target: `≤ ${limit} MB`,
      holds: holds(m.max <= limit),
    });
    rows.push({
      id: "B9",
      scenario: `${name}: RSS growth from ${minuteLabel(f, earlyAt(f))} to ${minuteLabel(f, f.seconds)}`,
      ours: `${(m.growth * 100).toFixed(1)} % (${mb(m.early)} → ${mb(m.late)})`,
      anchor: "—",
      ratio: "—",
      target: `≤ ${B9_GROWTH * 100} %`,
      holds: holds(m.growth <= B9_GROWTH),
    });
  }
  return rows;
}

export function memoryChecks(f: MemoryFigures): Check[] {
  const short = f.work.fanouts.perPackage.filter((n) => n !== f.entities).length;
  return [
    equalCheck("B9 non-2xx responses and errors under load", f.load.non2xx + f.load.errors, 0),
    equalCheck("B9 page 1 shows the newest package before the load", f.pageShowsNewest.before, true),
    equalCheck("B9 page 1 shows the newest package after the load", f.pageShowsNewest.after, true),
    equalCheck(`B9 published fan-outs whose emails are not one per entity (${f.entities})`, short, 0),
    equalCheck("B9 duplicate messages in the sink", f.sink.duplicates, 0),
    equalCheck("B9 messages in the sink = emails the database marks sent", f.sink.received, f.work.sentInDb),
    equalCheck("B9 jobs left locked after the worker's graceful stop", f.work.lockedJobs, 0),
  ];
}

export const memorySummary = (f: MemoryFigures): BenchSummary => ({ bench: "memory", rows: memoryRows(f), checks: memoryChecks(f) });

function timeline(f: MemoryFigures): string {
  const step = f.smoke ? Math.max(f.sampleEvery, f.seconds / 10) : 60;
  const picks: RssSample[] = [];
  for (let t = 0; t <= f.seconds + 1e-9; t += step) {
    const s = f.samples.reduce((best, x) => (Math.abs(x.t - t) < Math.abs(best.t - t) ? x : best), f.samples[0]!);
    if (!picks.includes(s)) picks.push(s);
  }
  return table(
    ["time", "web tree MB", "web largest process MB", "worker tree MB", "worker largest process MB", "emails in the sink"],
    picks.map((s) => [minuteLabel(f, s.t), s.web.total.toFixed(0), s.web.largest.toFixed(0), s.worker.total.toFixed(0), s.worker.largest.toFixed(0), s.emails.toLocaleString("en-US")]),
  );
}

function observations(f: MemoryFigures): string[] {
  const web = memoryFacts(f, "web");
  const worker = memoryFacts(f, "worker");
  const w = f.work;
  const emailsPerSec = f.sink.received / f.seconds;
  return [
    `Web server: peak ${mb(web.max)} for its process tree (largest process ${mb(web.largest)}), ${mb(web.idle)} idle before the first request, so the load adds ${mb(web.max - web.idle)}; ${minuteLabel(f, earlyAt(f))} ${mb(web.early)}, ${minuteLabel(f, f.seconds)} ${mb(web.late)}: ${web.growth >= 0 ? "+" : ""}${(web.growth * 100).toFixed(1)} % (target ≤ ${B9_GROWTH * 100} %: ${web.growth <= B9_GROWTH ? "holds" : "misses"}).`,
    `Worker: peak ${mb(worker.max)} for its process tree (largest process ${mb(worker.largest)}), ${mb(worker.idle)} idle; ${mb(worker.early)} → ${mb(worker.late)}: ${worker.growth >= 0 ? "+" : ""}${(worker.growth * 100).toFixed(1)} %.`,
    `Load: ${f.load.responses.toLocaleString("en-US")} responses at ${f.load.reqPerSec.toFixed(1)} req/s (asked ${f.rate}), p50 ${ms(f.load.p50)} ms, p97.5 ${ms(f.load.p975)} ms, p99 ${ms(f.load.p99)} ms while the worker ran.`,
    `Worker's work: ${w.fanouts.queued} fan-outs queued, ${w.fanouts.published} published (${w.fanouts.notifications.toLocaleString("en-US")} emails queued, ${w.fanouts.sent.toLocaleString("en-US")} sent); ${f.deliveryStarts.length} deliveries started (${w.deliveries.queued.toLocaleString("en-US")} messages to send, ${w.deliveries.sent.toLocaleString("en-US")} sent, ${w.deliveries.finished} finished); ` +
      `${(w.sentInDb - w.fanouts.sent - w.deliveries.sent).toLocaleString("en-US")} other emails (jobs of the demo data, not queued by the benchmark); ${f.sink.received.toLocaleString("en-US")} emails reached the sink in all, ${emailsPerSec.toFixed(0)} a second over the run.` +
      (w.fanouts.published < w.fanouts.queued || w.deliveries.finished < w.deliveries.started ? " The worker had not caught up when the run ended: the rest was still queued." : ""),
  ];
}

export function renderMemoryReport(f: MemoryFigures): string {
  const { start, end } = sectionMarkers("memory");
  const m = f.machine;
  const machine = table(
    ["", ""],
    [
      ...machineRows(m),
      ["PostgreSQL", f.postgres],
    ],
  );
  return `${start}
# Performance figures: memory under load (B9)${f.smoke ? " — SMOKE RUN" : ""}

Written by \`npm run bench:memory\` (e2e/perf/memory.bench.ts) on a throwaway embedded PostgreSQL of its own; \`-- --smoke\` runs ${f.seconds} s at 1/100 of the data and writes nothing. Targets are issue 7's.

## Machine

${machine}

## Data set

${f.size.entities.toLocaleString("en-US")} local entities, ${f.size.packages.toLocaleString("en-US")} packages, ${f.size.contacts.toLocaleString("en-US")} contacts (e2e/perf/generate.ts, e2e/perf/execution-data.ts). The generated catalog's approved packages whose availability date has passed are published first, as they would have been at the time: left approved, operationMgt's sweep would queue the publication of all of them as soon as the worker starts.

${table(["generation step", "ms"], f.generation.map(([n, t]) => [n, ms(t)]))}

## Method

The production build in \`.next\` served by \`next start\` as \`npm start\` starts it (under the heap ceiling of lib/runtime/heap.ts: ${WEB_HEAP.oldSpaceMb} MB of old space, ${WEB_HEAP.semiSpaceMb} MB semi-spaces), and a worker started as \`npm run worker\` starts it (\`${workerCommand().join(" ")}\`, without npm in between: the bundle of jobs/worker.ts that \`npm run build\` makes, with the registry's tasks and the technical workflows' schedules), both on the benchmark's database, mail going to a counting SMTP sink (e2e/perf/smtp-sink.ts). For ${f.seconds} s, autocannon (${CONNECTIONS} connections) asks for B1's page 1 (\`/admin/packages\`, signed in as the seeded central operator) at ${f.rate} req/s, while the worker has work through the app's own jobs: every ${f.fanoutEvery} s an approved package offered to every bench entity has its \`publish_package\` job queued as an approval queues it (B2: one email per entity), and at ${f.deliveryStarts.map((d) => `${d.t.toFixed(0)} s`).join(", ")} an email delivery of one contact segment is started as deliveryMgt starts it (\`startReadyDeliveries\`: its messages, then its \`send_delivery\` job; B4). The deliveries all start within the first tenth of the run, so that the worker's load is steady from there on (deliveries in flight and a fan-out at a fixed interval) and the growth from minute 2 shows what the worker keeps, not load added. Every ${f.sampleEvery} s the benchmark reads VmRSS (/proc) of every process of each server's tree: \`next start\` serves from one process (${f.commands.web.join("; ")}); the worker's tree is ${f.commands.worker.join("; ")}. The anchor is the same \`next start\` idle, read before its first request (issue 7: "a bare next start"); the worker's idle figure is read at the same moment, before the benchmark queued anything (the demo data's own few jobs may have run by then). One run, not a median of three: the scenario is itself a long run. Growth compares the median of the samples around ${minuteLabel(f, earlyAt(f))} with the median around ${minuteLabel(f, f.seconds)} (± ${Math.max(f.sampleEvery, f.seconds / 20).toFixed(0)} s).

## Summary

${scenarioTable(memoryRows(f))}

## RSS over the run

${timeline(f)}

## Emails sent during the run

${table(["sent by", "emails"], f.work.byKind.map(([k, n]) => [k, n.toLocaleString("en-US")]))}

## Observations

${observations(f)
  .map((o) => `- ${o}`)
  .join("\n")}
${end}`;
}
