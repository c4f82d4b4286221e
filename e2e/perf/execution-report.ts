import os from "node:os";
import { sectionMarkers } from "./results-file";
import type { DeliveryFigures, DeliveryRun, ModeFigures } from "./execution-delivery";
import { QUEUE_INDEX } from "./execution-claim";
import type { SplitPoint } from "./execution-split";
import type { WhatIf } from "./execution-whatif";
import { fence, fmt, int, triggersOf } from "./execution-measure";
import { targetingObservations, targetingSection, whatIfObservations } from "./execution-report-targeting";
import type { TargetingCase } from "./execution-targeting";
import { table, type Plan } from "./measure";
import { B4_RATIO, executionRows } from "./execution-summary";
import { scenarioTable } from "./suite-report";
import type { ExecEnvironment } from "./run-environment";

// A CPU figure below zero comes from a run before pgCpuMs counted exited children: unknown.
const cpuS = (ms: number) => (ms >= 0 ? fmt(ms / 1000, 1) : "—");

export const { start: SECTION_START, end: SECTION_END } = sectionMarkers("execution");

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;

const modeLabel = (m: ModeFigures) => `${m.mode.name} (nodemailer 10, TCP_NODELAY)`;
const middle = (m: ModeFigures) => m.runs[Math.floor((m.runs.length - 1) / 2)] ?? m.runs[0]!;

function deliveryObservations(d: DeliveryFigures, analyzes: boolean, b4Analyzed: boolean | undefined): string[] {
  const out: string[] = [];
  for (const m of d.modes) {
    const ratio = m.ours.median / m.anchor.median;
    const holds = ratio >= B4_RATIO;
    const r = middle(m);
    const p = r.phases;
    const db = p.statusRead + p.claim + p.settle + p.rest;
    const perBatch = (ms: number) => fmt(ms / Math.max(1, p.batches));
    out.push(
      `${holds ? "" : "**"}Delivery, ${modeLabel(m)}: ${fmt(m.ours.median, 0)} msg/s into the sink against ${fmt(m.anchor.median, 0)} msg/s for the nodemailer anchor (${ratio.toFixed(2)}×): ${holds ? "holds" : "misses"} the target (≥ ${B4_RATIO}× the anchor).${holds ? "" : "**"} ${m.runs.length === 1 ? "One run" : `Median of ${m.runs.length} runs after a warm-up`}, ${int(r.messages)} messages each: the send took ${fmt(r.sendMs / 1000, 1)} s, the anchor ${fmt(r.anchor.ms / 1000, 1)} s.` +
        ` Of the send (${p.batches} batches of ≤ 200): SMTP, from the last message handed to the pool to the last answer, ${fmt(p.smtp / 1000, 1)} s (${pct(p.smtp, p.wall)}, ${perBatch(p.smtp)} ms a batch); rendering + handing to nodemailer ${fmt(p.renderSubmit / 1000, 1)} s (${pct(p.renderSubmit, p.wall)}); database bookkeeping ${fmt(db / 1000, 1)} s (${pct(db, p.wall)}: claim ${perBatch(p.claim)} ms, settle ${perBatch(p.settle)} ms, status read ${perBatch(p.statusRead)} ms a batch).` +
        ` CPU: the app's process ${cpuS(r.cpu.appMs)} s, PostgreSQL ${cpuS(r.cpu.pgMs)} s, the sink ${cpuS(r.cpu.sinkMs)} s; the anchor's sender ${cpuS(r.anchor.cpu.appMs)} s, its sink ${cpuS(r.anchor.cpu.sinkMs)} s.`,
    );
  }
  const nd = d.modes[0];
  if (nd) {
    const r = middle(nd);
    const us = (ms: number) => fmt((ms * 1000) / r.messages, 0);
    out.push(
      `What limits the send: per message, the app's process spends ${us(r.cpu.appMs)} µs of CPU (rendering ${fmt(d.render.renderUs, 0)} µs and the MIME build ${fmt(d.render.mimeUs, 0)} µs of it, the rest nodemailer's SMTP exchange, postgres.js and the loop) against ${us(r.anchor.cpu.appMs)} µs for the anchor's sender, which does nothing but nodemailer, composing each message through its MIME streams and then its SMTP exchange${r.cpu.appMs < r.anchor.cpu.appMs ? "; building the bytes itself is how the app spends less" : ""}. On ${os.availableParallelism()} cores shared with PostgreSQL, the sink and other sessions, the SMTP phase is where that CPU is spent. What the app adds is the batch barrier: its claim, settle and status read (${pct(r.phases.claim + r.phases.settle + r.phases.statusRead, r.phases.wall)} of the send) run while no message is in flight, and each batch waits for its slowest connection, where the anchor keeps 200 messages in flight all the time.`,
    );
  }
  const all = d.modes.flatMap((m) => m.runs);
  out.push(
    `Every run: ${all.every((x) => x.sinkMatchesDb && x.countsMatch) ? "the sink received exactly the queued messages, each Message-ID once, and they are the rows the database marks sent; the typology counts match an independent count" : "**a check failed: see the runs tables**"}.`,
    `Rendering alone costs ${fmt(d.render.renderUs, 0)} µs of CPU a message; the app's MIME build (lib/mail/mime.ts) ${fmt(d.render.mimeUs, 0)} µs (${int(d.render.bytes)} bytes each), where nodemailer's composer, which it replaced, takes ${fmt(d.render.composerUs, 0)} µs.`,
    `materializeMessages: ${d.modes.map((m) => `${fmt(m.materialize.median, 0)} ms`).join(" / ")} (median per mode) for ${int(d.modes[0]?.runs[0]?.materialized ?? 0)} rows (typology rules, control group, one INSERT … SELECT).`,
    ...splitObservations(d, analyzes, b4Analyzed),
    ...materializeObservations(d),
    ...claimObservations(d),
  );
  return out;
}

function claimObservations(d: DeliveryFigures): string[] {
  const c = d.claimProbe;
  if (!c) return [];
  const at = (share: number, index: boolean) => c.points.find((p) => p.sentShare === share && p.index === index);
  const a0 = at(0, false);
  const a9 = at(0.9, false);
  const i9 = at(0.9, true);
  if (!a0 || !a9 || !i9) return [];
  return [
    `The batch claim as the delivery progresses, as migrated (the partial index \`${QUEUE_INDEX}\`): ${fmt(at(0, true)?.executionMs ?? NaN)} ms with nothing sent, ${fmt(at(0.5, true)?.executionMs ?? NaN)} ms at 50 %, ${fmt(i9.executionMs)} ms at 90 % (${i9.driver}). Without that index (dropped in a rolled-back transaction) it grows with the share already sent: ${fmt(a0.executionMs)} / ${fmt(at(0.5, false)?.executionMs ?? NaN)} / ${fmt(a9.executionMs)} ms (${a9.driver}, ${int(a9.removedByFilter)} rows read and thrown away at 90 %), since \`order by id limit 200\` then walks the primary key and filters out every message already sent: quadratic over the send.`,
  ];
}

function materializeObservations(d: DeliveryFigures): string[] {
  const plan = d.materializePlan;
  if (!plan) return [];
  const exec = Number(plan.match(/Execution Time: ([\d.]+) ms/)?.[1]);
  const trig = triggersOf(plan);
  const trigMs = trig.reduce((a, t) => a + t.ms, 0);
  // The pressure rule: a correlated count(*) per target row (SubPlan), time per loop × loops.
  const sub = plan.split("\n").findIndex((l) => /SubPlan/.test(l));
  const subNode = sub >= 0 ? plan.split("\n")[sub + 1] ?? "" : "";
  const m = subNode.match(/actual time=[\d.]+\.\.([\d.]+) rows=[\d.]+ loops=(\d+)/);
  const subMs = m ? Number(m[1]) * Number(m[2]) : NaN;
  return [
    `materializeMessages' INSERT … SELECT under EXPLAIN (ANALYZE, BUFFERS): ${fmt(exec, 0)} ms.` +
      (trig.length ? ` Foreign-key checks on the new delivery_messages rows: ${fmt(trigMs, 0)} ms (${trig.map((t) => `${t.name.replace(/^delivery_messages_/, "").replace(/_fk$/, "")} ${fmt(t.ms, 0)} ms`).join(", ")}).` : "") +
      (m ? ` The pressure rule's correlated count is a SubPlan run ${int(Number(m[2]))} times, about ${fmt(subMs, 0)} ms in all.` : ""),
  ];
}

const splitCell = (p: SplitPoint, timeoutMs: number) => (p.sameTxMs !== null ? fmt(p.sameTxMs, 0) : p.skipped ? "not run" : `> ${int(timeoutMs)} ms (timeout)`);

export const runQueryAnalyzes = (cases: TargetingCase[]) => cases.some((c) => c.statements.some((st) => /^analyze/i.test(st)));

function splitObservations(d: DeliveryFigures, analyzes: boolean, b4Analyzed: boolean | undefined): string[] {
  const s = d.split;
  const done = s.points.filter((p) => p.sameTxMs !== null);
  const over = s.points.find((p) => p.sameTxMs === null && !p.skipped);
  const nested = /Nested Loop Anti Join/.test(s.sameTxPlan);
  const big = s.points.at(-1)!;
  // Growth between the two largest sizes that finished: n^k, k ≈ 2 is quadratic.
  const [a, b] = done.slice(-2);
  const k = a && b ? Math.log(b.sameTxMs! / a.sameTxMs!) / Math.log(b.targets / a.targets) : NaN;
  const growth = a && b ? ` From ${int(a.targets)} to ${int(b.targets)} targets the time grows ×${(b.sameTxMs! / a.sameTxMs!).toFixed(1)}, as n^${k.toFixed(1)}${k > 1.6 ? ": quadratic" : ""}.` : "";
  const estimate = s.sameTxPlan.match(/Scan on workflow_targets t\s+\(cost=[\d.]+\.\.[\d.]+ rows=(\d+)/)?.[1];
  const lead = analyzes
    ? `runSplit is quadratic when workflow_targets' statistics do not know the population it splits. runQuery now ends with \`analyze workflow_targets\` (among the statements it sent in section 3), which gives the Split that follows in advanceWorkflow's transaction the hashed plan; the probe inserts the population by hand, without that ANALYZE, to show what it guards against. runSplit right after the INSERT, in the same transaction: `
    : `**advanceWorkflow cannot split a large population in the transaction that queried it.** runSplit right after the population's INSERT, in the same transaction (as advanceOne runs Query then Split): `;
  return [
    `${lead}${s.points.map((p) => `${int(p.targets)} targets ${splitCell(p, s.timeoutMs)}${p.sameTxMs !== null ? " ms" : ""}`).join(", ")}.${growth}${over ? ` ${int(over.targets)} targets did not finish within ${int(s.timeoutMs)} ms.` : ""} With an ANALYZE of workflow_targets between the INSERT and the split: ${s.points.map((p) => `${int(p.targets)} → ${p.analyzedMs === null ? "timeout" : `${fmt(p.analyzedMs, 0)} ms`}`).join(", ")}.` +
      (nested
        ? ` The plan at ${int(s.largest)} targets says why: workflow_targets' statistics do not know the rows this transaction just inserted (the planner expects ${estimate ?? "?"} target row(s) for ${int(s.largest)}), so the planner picks a Nested Loop Anti Join that rescans the whole ranked "kept" set (sorted window aggregate over the population) for every target row: n² row comparisons. After ANALYZE it ${/Hash (Right )?Anti Join/.test(s.analyzedPlan) ? "hashes the anti-join" : "picks another plan"}.`
        : ""),
    `The delivery's workflow was set up in two steps (${d.setup.how}): runQuery ${d.setup.queryMs === null ? "—" : `${fmt(d.setup.queryMs, 0)} ms`}, advanceWorkflow ${fmt(d.setup.advanceMs, 0)} ms, population ${int(d.setup.targeted)}.${d.warmSetup ? ` The warm-up workflow (${int(d.warmSetup.targeted)} targets) went through one advanceWorkflow from scratch: ${fmt(d.warmSetup.advanceMs, 0)} ms${b4Analyzed === false ? ", with a runQuery that did not analyze yet" : ""}.` : ""}${big.analyzedMs !== null ? ` At ${int(big.targets)} targets, the split after ANALYZE takes ${fmt(big.analyzedMs, 0)} ms.` : ""}`,
  ];
}

const runRow = (r: DeliveryRun, i: number) => [
  `${i + 1}`,
  int(r.messages),
  fmt(r.materializeMs, 0),
  `${r.slices} (${[...new Set(r.outcomes)].join(", ")})`,
  fmt(r.sendMs / 1000, 1),
  fmt(r.msgPerSec, 0),
  `${int(r.sink.received)} / ${int(r.sink.distinct)} / ${r.sink.duplicates}`,
  r.sinkMatchesDb ? "yes" : "**no**",
  r.countsMatch ? "yes" : "**no**",
  fmt(r.anchor.ms / 1000, 1),
  fmt(r.anchor.msgPerSec, 0),
  `${int(r.anchor.sink.received)} / ${int(r.anchor.sink.distinct)}${r.anchor.failures ? `, ${r.anchor.failures} failed` : ""}`,
  `${(r.msgPerSec / r.anchor.msgPerSec).toFixed(2)}×`,
];

let pgNote = "";

function modeSection(m: ModeFigures): string {
  const runs = table(
    ["run", "messages", "materialize ms", "slices", "send s", "ours msg/s", "sink: received / distinct / dup", "sink = DB sent", "typology counts", "anchor s", "anchor msg/s", "anchor sink", "ours / anchor"],
    m.runs.map(runRow),
  );
  const r0 = m.runs[0]!;
  const phases = table(
    ["phase (sums over the batches of one send)", ...m.runs.map((_, i) => `run ${i + 1} s`), "share (run 1)"],
    (
      [
        ["status read (select status from deliveries)", "statusRead"],
        ["claim (UPDATE … FROM contacts … RETURNING, up to the first sendMail)", "claim"],
        ["render + sendMail calls (first → last call of the batch)", "renderSubmit"],
        ["SMTP (last call → last answer)", "smtp"],
        ["settle (last answer → next batch: UPDATE … sent, COMMIT)", "settle"],
        ["rest (slice start, final empty claim, finish)", "rest"],
        ["wall", "wall"],
      ] as const
    ).map(([label, k]) => [label, ...m.runs.map((x) => fmt(x.phases[k] / 1000, 2)), pct(r0.phases[k], r0.phases.wall)]),
  );
  const cpu = table(
    ["run", "ours wall s", "app CPU s", "PostgreSQL CPU s", "sink CPU s", "anchor wall s", "anchor sender CPU s", "anchor sink CPU s"],
    m.runs.map((x, i) => [i + 1, cpuS(x.cpu.wallMs), cpuS(x.cpu.appMs), cpuS(x.cpu.pgMs), cpuS(x.cpu.sinkMs), cpuS(x.anchor.cpu.wallMs), cpuS(x.anchor.cpu.appMs), cpuS(x.anchor.cpu.sinkMs)]),
  );
  return `### ${modeLabel(m)}: ${m.runs.length === 1 ? "one run" : `a warm-up, then ${m.runs.length} runs`}

${runs}

Phases of the send:

${phases}

CPU by process (from /proc and process.cpuUsage; ${os.availableParallelism()} cores)${pgNote}:

${cpu}`;
}

function deliverySection(d: DeliveryFigures): string {
  pgNote = d.pgCpuComplete
    ? ""
    : ". In this run PostgreSQL's figure counts only the processes alive at both ends of the send: the CPU of autovacuum workers and backends that exited in between is missing (a negative total shows as —); the script now adds the postmaster's exited children";
  const r = d.modes[0]!.runs[0]!;
  const e = r.expected;
  const counts = table(
    ["", "expected (independent count)", "delivery_messages"],
    [
      ["targeted (population after Split)", int(e.targeted), int(r.materialized)],
      ["excluded: unsubscribed", int(e.unsubscribed), int(r.byStatus.unsubscribed ?? 0)],
      ["excluded: bounced", int(e.bounced), int(r.byStatus.bounced ?? 0)],
      ["excluded: pressure (≥ 3 in 30 days)", int(e.pressure), int(r.byStatus.pressure ?? 0)],
      ["excluded: control group (5 %)", int(e.control), int(r.byStatus.control_group ?? 0)],
      ["queued → sent", int(e.queued), int(r.byStatus.sent ?? 0)],
    ],
  );
  return `## 4. A delivery to 100,000 contacts into a local SMTP sink (B4)

A started by-target-approval campaign (typology: exclude unsubscribed and bounced, pressure 3 messages in 30 days, control group 5 %) whose workflow is Query (segment = seg-3) → Split by entity (a distribution row per entity, no limit) → Delivery → End, run up to the delivery once (how: below). A warm-up, where there is one, runs the same way on a second workflow whose Query also asks for city contains "city 00" (a twentieth of the target). Each run then takes a new delivery of the main workflow: \`materializeMessages\` (timed alone, its own transaction), the status set to in progress as \`startReadyDeliveries\` does, then \`sendDeliverySlice(id, { sliceMs: 3,600,000 })\` in a loop until it returns "finished", with SMTP_URL on the sink and NEXTAUTH_SECRET set (tracked links are signed). Personalization reads each entity's order values (storeName, offer) and the contact's fields and attributes; the HTML part has 2 tracked links, the open pixel and the unsubscribe link. The messages of a run are deleted afterwards (untimed) so that the next run's pressure rule sees the same history.

The sink (e2e/perf/smtp-sink.ts) is a minimal \`smtp-server\` in a child process of its own: it reads each message's headers for its Message-ID, counts, and discards the body. The anchor is a nodemailer pool built from the same URL as lib/mail/transport.ts (\`transportUrl\`: 20 connections, 100 messages each) sending as many pre-rendered messages (1,000 rendered from this delivery, cycled, each with its own Message-ID) to the same sink, 200 in flight (the app's batch size) with no batch barrier, no database and no rendering. msg/s is messages / wall time of the whole send.

The transport is lib/mail/transport.ts as shipped: nodemailer 10 turns Nagle off on its SMTP sockets (TCP_NODELAY). Under nodemailer 7, which left it on, each pooled connection waited for the delayed ACK of every message body (40 ms on Linux) and carried about one message per 40–50 ms: 101 msg/s for the app and 110 for the anchor at 100,000 messages, against 591 and 916 with Nagle off (RESULTS.md of 2026-11-24, before the upgrade).

${table(
    ["workflow set-up", "how", "runQuery ms", "advanceWorkflow ms", "populations"],
    [d.setup, ...(d.warmSetup ? [d.warmSetup] : [])].map((x, i) => [i === 0 ? "the delivery's workflow" : "the warm-up workflow", x.how, x.queryMs === null ? "—" : fmt(x.queryMs, 0), fmt(x.advanceMs, 0), Object.entries(x.populations).map(([k, v]) => `${k} ${int(v)}`).join(", ")]),
  )}

runSplit right after a population's INSERT (the first ${int(d.split.points[0]?.targets ?? 0)}… contacts of the segment, by id), a distribution row per entity, each size in a rolled-back transaction with statement_timeout ${int(d.split.timeoutMs)} ms; once a size times out in the same transaction, larger ones are not tried that way:

${table(
    ["targets", "same transaction as the INSERT, ms", "after ANALYZE workflow_targets, ms"],
    d.split.points.map((p) => [int(p.targets), splitCell(p, d.split.timeoutMs), p.analyzedMs === null ? "timeout" : fmt(p.analyzedMs, 0)]),
  )}

The split's plan at ${int(d.split.largest)} targets, same transaction (plain EXPLAIN: estimates only):

${fence(d.split.sameTxPlan)}

After ANALYZE:

${fence(d.split.analyzedPlan)}

Typology rules (first run):

${counts}

Phases are measured from outside lib/: a drizzle logger on the app's pool marks when each statement leaves, and a wrapper around the pooled transport's \`sendMail\` marks each call and each answer. A batch's claim ends at its first \`sendMail\` call, so it includes mapping the claimed rows; "render + sendMail calls" is the synchronous loop that renders each message and hands it to the pool; SMTP is the wait for the last answer of the batch; settle ends when the next batch reads the delivery's status.

${d.modes.map(modeSection).join("\n\n")}

Rendering alone, in a loop over the delivery's ${int(d.render.messages)} rows: ${fmt(d.render.renderUs, 1)} µs of CPU a message. The app's MIME build (lib/mail/mime.ts \`buildMessage\`) of the same messages (first 10,000, one after the other): ${fmt(d.render.mimeUs, 1)} µs of CPU a message, ${int(d.render.bytes)} bytes each; nodemailer's MailComposer build of them into a Buffer, as the pool did before: ${fmt(d.render.composerUs, 1)} µs. The first run of the first mode is the one measured.${d.materializePlan ? `\n\nmaterializeMessages' INSERT … SELECT over the population, EXPLAIN (ANALYZE, BUFFERS) in a rolled-back transaction:\n\n${fence(d.materializePlan)}` : ""}${d.claimProbe ? `\n\nThe claim as the delivery progresses (a delivery of ${int(d.claimProbe.messages)} queued messages, a share of them marked sent in claim order, then EXPLAIN (ANALYZE, BUFFERS) of the claim, each state in a rolled-back transaction):\n\n${table(["sent before the claim", "index", "claim exec ms", "rows removed by filter", "scan"], d.claimProbe.points.map((p) => [`${p.sentShare * 100} %`, p.index ? "as migrated (partial index on queued messages)" : "without the partial index", fmt(p.executionMs), int(p.removedByFilter), p.driver]))}\n\nThe claim at 90 % sent, without the partial index:\n\n${fence(d.claimProbe.latePlan)}` : ""}${d.claimPlan ? `\n\nThe claim statement of the first batch of a freshly materialized delivery, EXPLAIN (ANALYZE, BUFFERS) in a rolled-back transaction:\n\n${fence(d.claimPlan)}` : ""}`;
}

export function renderExecutionReport(env: ExecEnvironment, t: { cases: TargetingCase[]; scan: { serial: Plan; parallel: Plan }; whatIf?: WhatIf[] }, d: DeliveryFigures): string {
  const machine = table(
    ["", ""],
    [
      ["date", env.date],
      ...(env.commit ? [["git HEAD at the start (other files may have been edited in the working tree)", env.commit]] : []),
      ["nproc", env.nproc],
      ["CPU", env.cpu],
      ["total memory", env.memory],
      ["PostgreSQL", env.postgres],
      ["load average (1 min), sampled at the start and after each part", `${env.load.map((l) => l.toFixed(2)).join(", ")}: other sessions share this machine, so absolute figures move from run to run; ratios are steadier`],
      ["whole benchmark", env.totalSeconds ? `${fmt(env.totalSeconds, 0)} s` : "—"],
      ...(env.b5From ? [["B5 figures", `from a second, B5-only run on the same generated data set, started ${env.b5From}`]] : []),
      ...(env.probesFrom ? [["materializeMessages plan, claim probe", `from a probes-only run on the same generated data set, started ${env.probesFrom}`]] : []),
    ],
  );
  const data = table(["data set (generated)", "size"], env.sizes);
  const gen = table(["generation step (set-based SQL)", "ms"], env.generation.map(([n, ms]) => [n, fmt(ms)]));
  const summary = scenarioTable(executionRows(t.cases, d, Boolean(env.smoke)));
  return [
    SECTION_START,
    `# Performance figures: campaign execution (B5 targeting, B4 delivery)${env.smoke ? " — SMOKE RUN, 1/100 of the data" : ""}`,
    "Written by `npm run bench:execution` (e2e/perf/execution.bench.ts) on a throwaway embedded PostgreSQL of its own; `-- --smoke` runs the same at 1/100 of the data and writes nothing. Targets are issue 7's. Nothing is asserted: the script reports, and checks the sink's count.",
    `## Machine\n\n${machine}`,
    `## Data set\n\n${data}\n\n${gen}`,
    `## Summary\n\n${summary}`,
    `## Observations\n\nDerived by the script from this run's figures and plans.\n\n${[...targetingObservations(t.cases, t.scan), ...whatIfObservations(t.whatIf ?? []), ...deliveryObservations(d, runQueryAnalyzes(t.cases), env.b4RunQueryAnalyzed ?? runQueryAnalyzes(t.cases))].map((o) => `- ${o}`).join("\n")}`,
    targetingSection(t.cases, t.scan, t.whatIf ?? []),
    deliverySection(d),
    SECTION_END,
  ].join("\n\n");
}
