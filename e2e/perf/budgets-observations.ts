import type { B6Figures } from "./budgets-b6";
import type { B7Figures } from "./budgets-stock";
import { B6_INCREMENTAL_MS, B6_RATIO, B7_RATIO, b6Holds, b7Holds } from "./budgets-targets";
import type { Step, Trace } from "./budgets-trace";
import type { WhatIf } from "./budgets-whatif";
import { fmt, int } from "./execution-measure";
import type { Plan } from "./measure";

// Sentences derived from one run's figures and plans, so that RESULTS.md never says what the
// numbers do not.

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
const bold = (ok: boolean, s: string) => (ok ? s : `**${s}**`);

/** The slowest steps of a traced run, with their share of it. */
function heaviest(t: Trace, n: number): { i: number; s: Step }[] {
  return t.steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.ms - a.s.ms)
    .slice(0, n);
}

const stepText = (t: Trace) => (x: { i: number; s: Step }) => `statement ${x.i + 1} \`${x.s.statement.slice(0, 60)}…\` ${fmt(x.s.ms, 0)} ms (${pct(x.s.ms, t.totalMs)})`;

/** The first HashAggregate that went to disk: "Batches: 5  Memory Usage: 8753kB  Disk Usage: 9040kB". */
function spill(p?: Plan): { batches: number; memoryKb: number; diskKb: number } | null {
  const m = p?.text.match(/HashAggregate[^\n]*\n(?:[^\n]*\n)*?\s*Batches: (\d+)\s+Memory Usage: (\d+)kB\s+Disk Usage: (\d+)kB/);
  return m ? { batches: Number(m[1]), memoryKb: Number(m[2]), diskKb: Number(m[3]) } : null;
}

/** Rows and time of the plan node whose line matches. */
function node(p: Plan | undefined, pattern: RegExp): { ms: number; rows: number } | null {
  const line = p?.text.split("\n").find((l) => pattern.test(l));
  const m = line?.match(/actual time=[\d.]+\.\.([\d.]+) rows=([\d.]+) loops=(\d+)/);
  return m ? { ms: Number(m[1]), rows: Number(m[2]) * Number(m[3]) } : null;
}

/** The first node matching `child` below the first node matching `parent`. */
function nodeBelow(p: Plan | undefined, parent: RegExp, child: RegExp): { ms: number; rows: number } | null {
  const lines = p?.text.split("\n") ?? [];
  const from = lines.findIndex((l) => parent.test(l));
  const line = from < 0 ? undefined : lines.slice(from + 1).find((l) => child.test(l));
  const m = line?.match(/actual time=[\d.]+\.\.([\d.]+) rows=([\d.]+) loops=(\d+)/);
  return m ? { ms: Number(m[1]), rows: Number(m[2]) * Number(m[3]) } : null;
}

const variant = (w: WhatIf | undefined, name: string) => w?.variants.find((v) => v.name === name && !v.error);

function best(w: WhatIf | undefined) {
  const shipped = variant(w, "as shipped");
  const others = (w?.variants ?? []).filter((v) => v.name !== "as shipped" && !v.error);
  const top = others.sort((a, b) => a.time.median - b.time.median)[0];
  return shipped && top ? { shipped, top, saved: shipped.time.median - top.time.median } : null;
}

/** The first traced step whose statement matches. */
function stepOf(t: Trace, pattern: RegExp): { i: number; s: Step } | null {
  const i = t.steps.findIndex((s) => pattern.test(s.statement));
  return i < 0 ? null : { i, s: t.steps[i]! };
}

const msOf = (t: Trace, pattern: RegExp) => t.steps.filter((s) => pattern.test(s.statement)).reduce((a, s) => a + s.ms, 0);
/** "3", "3 and 4", "7, 8 and 9". */
const numbers = (xs: { i: number }[]) => xs.map((x) => String(x.i + 1)).join(", ").replace(/, (\d+)$/, " and $1");

function b6Observations(b6: B6Figures): string[] {
  const out: string[] = [];
  const h = b6Holds(b6);
  const campaigns = stepOf(b6.fullTrace, /^with lines as \(/);
  const heavy = campaigns ?? heaviest(b6.fullTrace, 1)[0]!;
  const plan = b6.fullExplained[heavy.i]?.plan;
  out.push(
    `${bold(h.full, `B6 full run: ${fmt(b6.full.median, 0)} ms against ${fmt(b6.anchor.median, 0)} ms for the flat GROUP BY (${h.ratio.toFixed(2)}×, target ≤ ${B6_RATIO}×)`)}. In the traced run (${fmt(b6.fullTrace.totalMs, 0)} ms), ${campaigns ? "recomputeCampaigns' UPDATE" : "the slowest statement"} (statement ${heavy.i + 1}) takes ${fmt(heavy.s.ms, 0)} ms (${pct(heavy.s.ms, b6.fullTrace.totalMs)}); everything else (item costs priced in JS, the ${int(b6.lines.generated)} generated lines upserted unchanged, programs, plans, budgets) ${fmt(b6.fullTrace.totalMs - heavy.s.ms, 0)} ms.`,
  );
  if (plan && campaigns) {
    const serial = b6.anchorSerialPlan.executionMs;
    const parallel = b6.anchorPlan.executionMs;
    const workers = Number(b6.anchorPlan.text.match(/Workers Launched: (\d+)/)?.[1] ?? 0);
    const agg = node(plan, /HashAggregate/);
    const scan = nodeBelow(plan, /HashAggregate/, /Scan[^\n]* on expense_lines/);
    // Whether the aggregate's input is the scan itself (no join below it).
    const below = plan.text.split("\n");
    const direct = /Scan[^\n]* on expense_lines/.test(below.slice(below.findIndex((l) => /HashAggregate/.test(l)) + 1).find((l) => l.includes("->")) ?? "");
    const sp = spill(plan);
    const inMemory = Number(plan.text.match(/HashAggregate[^\n]*\n(?:[^\n]*\n)*?\s*Batches: 1\s+Memory Usage: (\d+)kB/)?.[1] ?? 0);
    const workMem = stepOf(b6.fullTrace, /^set local work_mem/)?.s.statement.match(/'([^']+)'/)?.[1];
    const memory = sp
      ? `outgrows work_mem${workMem ? ` (${workMem}, set by the run)` : ""}: ${int(sp.memoryKb)} kB in memory, ${sp.batches} batches, ${int(sp.diskKb)} kB spilled to disk`
      : inMemory
        ? `stays in memory (${int(inMemory)} kB, one batch${workMem ? `, under the ${workMem} work_mem the run sets` : ""})`
        : "";
    const parts = [
      agg && scan
        ? `the per-campaign HashAggregate (${int(agg.rows)} groups, two numeric sums) reads the ${int(scan.rows)} lines ${direct ? "straight from expense_lines, without a join, " : ""}${memory ? `${memory}, ` : ""}and ends ${fmt(agg.ms, 0)} ms into the plan, ${fmt(scan.ms, 0)} ms of it reading the lines`
        : "",
      workers > 0
        ? serial > parallel * 1.1
          ? `an UPDATE never runs in parallel, while the anchor's SELECT used ${workers} workers (the anchor with parallel workers off: ${fmt(serial, 0)} ms against ${fmt(parallel, 0)} ms)`
          : `an UPDATE never runs in parallel while the anchor's SELECT used ${workers} workers, but on this loaded machine that bought the anchor nothing (with parallel workers off: ${fmt(serial, 0)} ms against ${fmt(parallel, 0)} ms)`
        : "",
    ].filter(Boolean);
    if (parts.length) out.push(`Where that statement's time goes (EXPLAIN ANALYZE, ${fmt(plan.executionMs, 0)} ms): ${parts.join("; ")}.`);
  }
  const fw = b6.whatIfs.find((w) => w.scenario === "full run");
  const fb = best(fw);
  if (fw && fb) {
    const others = fw.variants.filter((v) => v.name !== "as shipped" && !v.error);
    const projected = b6.full.median - fb.saved;
    out.push(
      `Measured what-ifs on that statement (rolled back, same data): as shipped ${fmt(fb.shipped.time.median, 0)} ms; ${others.map((v) => `${v.name} ${fmt(v.time.median, 0)} ms`).join("; ")}. ${
        fb.saved > 0
          ? `The fastest, **${fb.top.name}** (${fb.top.change}), saves ${fmt(fb.saved, 0)} ms: taken off the full run's median, about ${fmt(projected, 0)} ms, ${(projected / b6.anchor.median).toFixed(2)}× the anchor (target ≤ ${B6_RATIO}×).`
          : "None is faster than the statement as shipped."
      }`,
    );
  }
  const t = b6.incrementalTrace;
  const inc = heaviest(t, 3);
  const examined = [...new Set(b6.incrementalRuns.map((r) => r.details.campaignsExamined))].join(" or ");
  const everyRun = [stepOf(t, /^with sums as \( ?select p\.id/), stepOf(t, /^with sums as \( ?select pl\.id/)].filter((x) => x !== null);
  const own = stepOf(t, /^with own as/);
  const totals = stepOf(t, /^with recursive tree/);
  const ownPlan = own ? b6.incrementalExplained[own.i]?.plan : undefined;
  const campaignsRead = node(ownPlan, /Seq Scan on campaigns/);
  const touched = node(ownPlan, /Scan on touched_budgets/);
  const touchedEstimate = Number(ownPlan?.text.match(/Scan on touched_budgets\s+\(cost=[\d.]+\.\.[\d.]+ rows=(\d+)/)?.[1] ?? NaN);
  const ownText = own
    ? ` Budgets' own figures are re-added only for the budgets the dirty campaigns charged or charge (touched_budgets${touched ? `: ${int(touched.rows)} here` : ""}), in ${fmt(own.s.ms, 1)} ms (statement ${own.i + 1})${
        campaignsRead && touched && campaignsRead.rows > touched.rows * 100
          ? `: its plan still reads all ${int(campaignsRead.rows)} campaigns (Seq Scan on campaigns) before keeping those of the touched budget(s)${touchedEstimate > touched.rows * 10 ? `; the planner expected ${int(touchedEstimate)} rows in touched_budgets, which the run does not analyze` : ""}`
          : ""
      }${totals ? `; every budget's totals, added up from the stored own figures, ${fmt(totals.s.ms, 1)} ms (statement ${totals.i + 1})` : ""}.`
    : "";
  out.push(
    `${bold(h.incremental, `B6 incremental run: ${fmt(b6.incremental.median)} ms median (min ${fmt(b6.incremental.min)}, max ${fmt(b6.incremental.max)}; target ≤ ${B6_INCREMENTAL_MS} ms)`)}, ${examined} campaign(s) examined a run, ${t.steps.length} statements. In the traced run (${fmt(t.totalMs, 1)} ms) the heaviest are ${inc.map(stepText(t)).join("; ")}.${
      everyRun.length
        ? ` Programs are re-added from every campaign and plans from every program on every run (lib/budgets/README.md; statements ${numbers(everyRun)}): ${fmt(everyRun.reduce((a, x) => a + x.s.ms, 0), 1)} ms here, a cost that grows with the number of campaigns, not with the change.`
        : ""
    }${ownText}`,
  );
  for (const w of b6.whatIfs.filter((x) => x.scenario === "incremental run")) {
    const b = best(w);
    if (b) out.push(`What-if on the incremental run, ${w.statement}: as shipped ${fmt(b.shipped.time.median, 1)} ms, ${b.top.name} ${fmt(b.top.time.median, 1)} ms (${b.top.change.replace(/`/g, "")}).`);
  }
  out.push(
    `${bold(h.exact, `B6 exactness: ${b6.verifyAfterFull.mismatches} of ${b6.verifyAfterFull.budgets} budgets differ from the independent computation after the full runs, ${b6.verifyAfterIncremental.mismatches} after the incremental ones`)}; campaigns' calculated costs: ${b6.verifyAfterFull.campaignMismatches} and ${b6.verifyAfterIncremental.campaignMismatches} differ; generated lines: ${b6.verifyAfterFull.lineMismatches} and ${b6.verifyAfterIncremental.lineMismatches} differ or are missing. Root budgets' spent, stored: ${b6.verifyAfterIncremental.roots.find((r) => r.column === "spent")?.stored}, independent: ${b6.verifyAfterIncremental.roots.find((r) => r.column === "spent")?.independent}.`,
  );
  return out;
}

// stockMgt's statements, as the trace shortens them.
const UPSERT = /insert into stock_consumptions/;
const DELETE = /delete from stock_consumptions/;
const LINES = /update stock_lines l set ordered|with f as materialized/;
const ALERTS = /update stock_lines set alert_since = now\(\)|insert into "notifications"|graphile_worker\.add_jobs/;

function b7Observations(b7: B7Figures): string[] {
  const out: string[] = [];
  const h = b7Holds(b7);
  const run = b7.fullRuns.at(-1)!;
  const t = run.trace;
  const upsert = stepOf(t, UPSERT);
  const del = stepOf(t, DELETE);
  const lines = stepOf(t, LINES);
  const sync = (upsert?.s.ms ?? 0) + (del?.s.ms ?? 0);
  const rest = t.totalMs - sync - (lines?.s.ms ?? 0);
  const examined = (r: typeof run) => int(r.details.linesExamined ?? NaN);
  out.push(
    `${bold(h.full, `B7 unchanged run: ${fmt(b7.full.median, 0)} ms against ${fmt(b7.anchor.median, 0)} ms for the raw aggregate (${h.ratio.toFixed(2)}×, target ≤ ${B7_RATIO}×)`)}. ${
      run.details.mode === "incremental" && !upsert
        ? `Each counted run starts from the previous run's watermark. Consumptions are written by triggers in each delivery's own transaction (migration 0017), so an incremental run reads no delivery`
        : `The run reconciles the deliveries' consumptions (${fmt(sync, 1)} ms of the traced ${fmt(t.totalMs, 0)} ms)`
    }${
      lines
        ? `; the lines' UPDATE (statement ${lines.i + 1}) re-adds the lines stamped since the watermark (${examined(run)} here) in ${fmt(lines.s.ms, 1)} ms; the rest (lock, watermark, the list of stamped lines, orders, alerts over every line) ${fmt(rest, 0)} ms of the traced ${fmt(t.totalMs, 0)} ms`
        : ""
    }. A full run (no \`since\`: the first, then daily) reconciles every delivery and re-adds every line: the consumed sums straight from the deliveries alone take ${fmt(b7.source.median, 0)} ms (${(b7.source.median / b7.anchor.median).toFixed(1)}× the anchor), and the first run took ${fmt(b7.first.ms, 0)} ms.`,
  );
  const bt = b7.burst.trace;
  const bLines = stepOf(bt, LINES);
  const bAlerts = bt.steps.map((s, i) => ({ s, i })).filter(({ s }) => ALERTS.test(s.statement));
  const d = b7.burst.details;
  const ins = b7.burstInsert;
  const added = ins.ms - ins.withoutTriggersMs;
  out.push(
    `${bold(h.burst, `B7 burst: ${fmt(b7.burst.ms, 0)} ms for ${int(b7.sizes.burst)} new consumptions against ${fmt(b7.burstAnchorMs, 0)} ms for the anchor (${h.burstRatio.toFixed(2)}×, target ≤ ${B7_RATIO}×)`)}. The consumptions were written by the burst's own INSERT of ${int(b7.sizes.burst)} deliveries, through the triggers: that statement took ${fmt(ins.ms, 0)} ms, against ${fmt(ins.withoutTriggersMs, 0)} ms with them disabled (rolled back), so they cost ${fmt(added, 0)} ms, ${fmt((1000 * added) / b7.sizes.burst, 0)} µs a delivery, in the transactions that create the deliveries. The run then re-added the ${int(d.linesExamined ?? NaN)} stamped lines${bLines ? ` (statement ${bLines.i + 1}, ${fmt(bLines.s.ms, 1)} ms; ${int(d.linesChanged ?? NaN)} changed)` : ""}${
      bAlerts.length ? `, raised ${d.alertsRaised} alerts and queued ${d.emails} emails (statements ${numbers(bAlerts)}, ${fmt(msOf(bt, ALERTS), 0)} ms)` : ""
    }, in a traced ${fmt(bt.totalMs, 0)} ms.`,
  );
  out.push(
    `${bold(h.alerts, `B7 alerts: ${b7.first.alerts.raised} raised on the first run (${b7.first.alerts.expectedCrossings} crossings expected), ${b7.burst.alerts.raised} on the burst (${b7.burst.alerts.expectedCrossings} expected), ${b7.burstRerun.alerts.raised} on the rerun`)}; after orders lifted ${b7.recross.lines} lines above their level (${b7.recross.replenished.details.alertsCleared ?? 0} alerts cleared), ${b7.recross.recrossed.alerts.raised} raised again with a new crossing number (alert counts ${b7.recross.alertCounts}); ${h.alerts ? "every run's emails matched the active central managers of its crossing lines" : "emails did not all match the crossings (table below)"} (${b7.first.alerts.emails + b7.burst.alerts.emails + b7.recross.recrossed.alerts.emails} in all), ${b7.duplicateEmails} duplicates; stored figures: ${b7.figureMismatches} lines differ from the raw rows.`,
  );
  return out;
}

export function budgetsObservations(b6: B6Figures, b7: B7Figures): string[] {
  return [...b6Observations(b6), ...b7Observations(b7)];
}
