import type { BudgetsFigures } from "./budgets-report";
import { B6_INCREMENTAL_MS, B6_RATIO, B7_RATIO, b6Holds, b7Holds } from "./budgets-targets";
import { fmt, int } from "./execution-measure";
import { equalCheck, type BenchSummary, type ScenarioRow } from "./suite-report";

// B6 and B7 as the suite and RESULTS.md's budgets section both show them.

export function budgetsRows({ b6, b7, env }: BudgetsFigures): ScenarioRow[] {
  const h6 = b6Holds(b6);
  const h7 = b7Holds(b7);
  const holds = (ok: boolean) => (env.smoke ? null : ok);
  return [
    { id: "B6", scenario: `budgetMgt full run, ${int(b6.lines.total)} lines (median of ${b6.full.runs.length})`, ours: `${fmt(b6.full.median, 0)} ms`, anchor: `${fmt(b6.anchor.median, 0)} ms`, ratio: `${h6.ratio.toFixed(2)}×`, target: `≤ ${B6_RATIO}×`, holds: holds(h6.full) },
    { id: "B6", scenario: `incremental run, one line changed (median of ${b6.incrementalRuns.length})`, ours: `${fmt(b6.incremental.median)} ms`, anchor: "—", ratio: "—", target: `≤ ${B6_INCREMENTAL_MS} ms`, holds: holds(h6.incremental) },
    { id: "B6", scenario: "budgets' figures against an independent computation", ours: `${b6.verifyAfterFull.mismatches} + ${b6.verifyAfterIncremental.mismatches} budgets differ`, anchor: "—", ratio: "—", target: "exact to the cent (0)", holds: h6.exact },
    { id: "B7", scenario: `stockMgt, ${int(b7.first.details.consumptionsChanged ?? NaN)} consumptions, unchanged (median of ${b7.full.runs.length})`, ours: `${fmt(b7.full.median, 0)} ms`, anchor: `${fmt(b7.anchor.median, 0)} ms`, ratio: `${h7.ratio.toFixed(2)}×`, target: `≤ ${B7_RATIO}×`, holds: holds(h7.full) },
    { id: "B7", scenario: `stockMgt after a burst of ${int(b7.sizes.burst)} (one run)`, ours: `${fmt(b7.burst.ms, 0)} ms`, anchor: `${fmt(b7.burstAnchorMs, 0)} ms`, ratio: `${h7.burstRatio.toFixed(2)}×`, target: `≤ ${B7_RATIO}×`, holds: holds(h7.burst) },
    { id: "B7", scenario: "alerts: one per line crossing, none on a rerun", ours: `${[b7.first, b7.burst, b7.recross.recrossed].map((r) => r.alerts.raised).join(" + ")} raised, ${b7.burstRerun.alerts.raised} on rerun`, anchor: "—", ratio: "—", target: "= crossings, no duplicate", holds: h7.alerts },
  ];
}

export function budgetsSummary(f: BudgetsFigures): BenchSummary {
  const { b6, b7 } = f;
  const stockRuns = [b7.first, ...b7.fullRuns, b7.burst, b7.burstRerun, b7.recross.replenished, b7.recross.recrossed];
  return {
    bench: "budgets",
    rows: budgetsRows(f),
    checks: [
      equalCheck("B6 budgets differing from the independent computation, after the full runs", b6.verifyAfterFull.mismatches, 0),
      equalCheck("B6 budgets differing after the incremental runs", b6.verifyAfterIncremental.mismatches, 0),
      equalCheck("B6 campaigns' calculated costs differing", b6.verifyAfterFull.campaignMismatches + b6.verifyAfterIncremental.campaignMismatches, 0),
      equalCheck("B6 generated lines differing or missing", b6.verifyAfterFull.lineMismatches + b6.verifyAfterIncremental.lineMismatches, 0),
      equalCheck("B7 stockMgt runs whose alerts were not exactly the crossings", stockRuns.filter((r) => !r.alerts.ok).length, 0),
      equalCheck("B7 alert crossings numbered wrong", b7.crossingMismatches, 0),
      equalCheck("B7 duplicate alert emails", b7.duplicateEmails, 0),
    ],
  };
}
