import type { WhatIf } from "./execution-whatif";
import { fence, fmt, int, runsOf } from "./execution-measure";
import { EVALUATE_JIT_WARMUP, type TargetingCase } from "./execution-targeting";
import { table, type Plan } from "./measure";
import { B5_MS, B5_RATIO, b5Holds } from "./execution-summary";

// The B5 (targeting) parts of the execution report: observations, what-ifs and its section.

/** Time of the plan node that matches, "actual time=a..b" → b, in ms. */
function nodeMs(p: Plan, pattern: RegExp): number {
  const line = p.text.split("\n").find((l) => pattern.test(l));
  const m = line?.match(/actual time=[\d.]+\.\.([\d.]+) rows=([\d.]+) loops=(\d+)/);
  return m ? Number(m[1]) : NaN;
}

export function targetingObservations(cases: TargetingCase[], scan: { serial: Plan; parallel: Plan }): string[] {
  const out: string[] = [];
  for (const c of cases) {
    const { ratio, holds } = b5Holds(c);
    const trig = c.triggers.reduce((a, t) => a + t.ms, 0);
    const scanMs = nodeMs(c.oursPlan, /Scan on contacts/);
    const insert = /^\s*insert/i.test(c.oursSql);
    const parts = insert
      ? ` EXPLAIN (ANALYZE, BUFFERS) of the app's INSERT: ${fmt(c.oursPlan.executionMs)} ms, of which the scan of contacts is ${fmt(scanMs)} ms (${c.oursPlan.driver})` +
        (c.triggers.length
          ? ` and the foreign-key checks on the ${int(c.rows.ours)} new rows ${fmt(trig)} ms (${c.triggers.map((t) => `${t.name.replace(/^workflow_targets_/, "").replace(/_fk$/, "")} ${fmt(t.ms)} ms`).join(", ")}).`
          : `, and no foreign-key check; the anchor's INSERT: ${fmt(c.anchorPlan.executionMs)} ms.`)
      : ` EXPLAIN: ${fmt(c.oursPlan.executionMs)} ms (${c.oursPlan.driver}) against ${fmt(c.anchorPlan.executionMs)} ms (${c.anchorPlan.driver}).` +
        (c.replay
          ? ` drizzle's exact SQL and parameters sent through postgres.js alone: ${fmt(c.replay.median, 2)} ms median against ${fmt(c.anchor.median, 2)} ms for the anchor's statement` +
            (c.replay.median <= c.anchor.median * 1.1
              ? `: the statement costs the same, and the ${fmt(c.ours.median - c.anchor.median, 2)} ms gap is drizzle's own work per call (building the query, mapping the row).`
              : `: ${fmt(c.replay.median - c.anchor.median, 2)} ms of the gap is the statement's shape, ${fmt(c.ours.median - c.replay.median, 2)} ms drizzle's own work per call.`)
          : "");
    out.push(
      `${holds ? "" : "**"}${c.name}: ${fmt(c.ours.median)} ms against ${fmt(c.anchor.median)} ms for the anchor (${ratio.toFixed(2)}×), ${int(c.rows.ours)} rows: ${holds ? "holds" : "misses"} the target (≤ ${B5_RATIO}× and < ${B5_MS} ms).${holds ? "" : "**"}${parts}`,
    );
  }
  out.push(
    `The same filter as a bare network-wide count(*) by hand: ${fmt(scan.serial.executionMs)} ms serially (${scan.serial.driver}), ${fmt(scan.parallel.executionMs)} ms with parallel workers (${scan.parallel.driver}). An INSERT … SELECT does not run its SELECT in parallel.`,
  );
  return out;
}

export function whatIfObservations(w: WhatIf[]): string[] {
  const out: string[] = [];
  const byCase = new Map<string, WhatIf[]>();
  for (const x of w) byCase.set(x.case, [...(byCase.get(x.case) ?? []), x]);
  for (const [name, xs] of byCase) {
    const base = xs[0]!;
    const rest = xs.slice(1).map((x) => `${x.variant}: ${fmt(x.ms.median)} ms (${(x.ms.median / base.ms.median).toFixed(2)}×)`);
    if (rest.length) out.push(`What-if on ${name} (the app's INSERT, ${int(base.rows)} rows, DDL in a rolled-back transaction, no migration): ${base.variant} ${fmt(base.ms.median)} ms; ${rest.join("; ")}.`);
  }
  return out;
}

export function targetingSection(cases: TargetingCase[], scan: { serial: Plan; parallel: Plan }, whatIf: WhatIf[]): string {
  const figures = table(
    ["case", "rows", "ours median ms", "ours runs", "anchor median ms", "anchor runs", "ours / anchor", "target", "holds"],
    cases.map((c) => {
      const { ratio, holds } = b5Holds(c);
      return [c.name, c.rows.ours === c.rows.anchor ? int(c.rows.ours) : `${int(c.rows.ours)} vs ${int(c.rows.anchor)}`, fmt(c.ours.median), runsOf(c.ours), fmt(c.anchor.median), runsOf(c.anchor), `${ratio.toFixed(2)}×`, `≤ ${B5_RATIO}×, < ${B5_MS} ms`, holds ? "yes" : "**no**"];
    }),
  );
  const detail = cases
    .map((c) => {
      const trig = c.triggers.length ? `\n\nForeign-key triggers on the app's INSERT:\n\n${table(["constraint", "calls", "ms"], c.triggers.map((t) => [t.name, int(t.calls), fmt(t.ms)]))}` : "";
      return `### ${c.name}

${c.what}. The app sent ${c.statements.length} statement(s): ${c.statements.map((s) => `\`${s}\``).join("; ")}. The main statement has ${c.oursParams} bound parameters.

Ours (the statement drizzle sent, replayed with its parameters):

${fence(c.oursPlan.text)}

Anchor:

${fence(`${c.anchorSql}\n\n${c.anchorPlan.text}`)}${trig}`;
    })
    .join("\n\n");
  return `## 3. Targeting over 1,000,000 contacts (B5)

Ours is the app's own function through its pool: \`runQuery\` (lib/execution/population.ts, what the Query activity runs) in a transaction that is rolled back after each run, and \`evaluateTarget\` (lib/campaigns/targeting.ts, Evaluate target on one entity). The anchor is the same filter as one hand-written statement, \`INSERT … SELECT\` into the same table or \`SELECT count(*)\`, in the same kind of rolled-back transaction. One warm-up of each (for evaluateTarget, ${EVALUATE_JIT_WARMUP} untimed calls of each first, so that both are measured with V8's optimized code, as in a server that has been answering for a while), then alternating runs (ours, anchor, …): 3 each for runQuery, 15 each for evaluateTarget, median reported; \`VACUUM workflow_targets\` after every run (untimed), so each run starts from the same table. Times cover the statement(s) only, not BEGIN/ROLLBACK. The plans are one EXPLAIN (ANALYZE, BUFFERS) each, in a rolled-back transaction; EXPLAIN ANALYZE adds its own overhead.

${figures}

${
    whatIf.length
      ? `What-if: the app's own INSERT (captured from drizzle, same parameters) in a transaction that is rolled back, with the DDL of each variant first (untimed; constraints added for new rows only, index built and ANALYZEd inside the transaction), then one warm-up and 3 runs each undone by a savepoint. Nothing here survives the run.

${table(
          ["case", "variant", "DDL", "rows", "median ms", "runs"],
          whatIf.map((x) => [x.case, x.variant, x.ddl.length ? x.ddl.map((d) => `\`${d}\``).join("; ") : "—", int(x.rows), fmt(x.ms.median), runsOf(x.ms)]),
        )}

${whatIf
          .filter((x) => x.ddl.some((d) => d.startsWith("create index")))
          .map((x) => `Plan of ${x.case} with the index:\n\n${fence(x.plan ?? "")}`)
          .join("\n\n")}

`
      : ""
  }The same filter as a bare network-wide count (no insert), serial:

${fence(scan.serial.text)}

${detail}`;
}

