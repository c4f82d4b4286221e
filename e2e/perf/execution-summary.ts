import type { DeliveryFigures } from "./execution-delivery";
import { fmt, int } from "./execution-measure";
import type { TargetingCase } from "./execution-targeting";
import { equalCheck, type BenchSummary, type ScenarioRow } from "./suite-report";

// B4 and B5 as the suite and RESULTS.md's execution section both show them.

export const B5_RATIO = 1.5;
export const B5_MS = 1000;
export const B4_RATIO = 0.5;

export function b5Holds(c: TargetingCase) {
  const ratio = c.ours.median / c.anchor.median;
  return { ratio, holds: ratio <= B5_RATIO && c.ours.median < B5_MS };
}

export function executionRows(cases: TargetingCase[], d: DeliveryFigures, smoke: boolean): ScenarioRow[] {
  const holds = (ok: boolean) => (smoke ? null : ok);
  return [
    ...cases.map((c): ScenarioRow => {
      const { ratio, holds: ok } = b5Holds(c);
      return { id: "B5", scenario: c.name, ours: `${fmt(c.ours.median)} ms`, anchor: `${fmt(c.anchor.median)} ms`, ratio: `${ratio.toFixed(2)}×`, target: `≤ ${B5_RATIO}× and < ${B5_MS} ms`, holds: holds(ok) };
    }),
    ...d.modes.map((m): ScenarioRow => {
      const ratio = m.ours.median / m.anchor.median;
      return { id: "B4", scenario: `delivery, ${int(m.runs[0]?.messages ?? 0)} messages, ${m.mode.name}`, ours: `${fmt(m.ours.median, 0)} msg/s`, anchor: `${fmt(m.anchor.median, 0)} msg/s`, ratio: `${ratio.toFixed(2)}×`, target: `≥ ${B4_RATIO}×`, holds: holds(ratio >= B4_RATIO) };
    }),
    { id: "B4", scenario: `materializeMessages, ${int(d.modes[0]?.runs[0]?.materialized ?? 0)} rows`, ours: `${fmt(d.modes[0]?.materialize.median ?? NaN, 0)} ms`, anchor: "—", ratio: "—", target: "(none set)", holds: null },
  ];
}

export function executionSummary(cases: TargetingCase[], d: DeliveryFigures, smoke: boolean): BenchSummary {
  const runs = d.modes.flatMap((m) => m.runs);
  return {
    bench: "execution",
    rows: executionRows(cases, d, smoke),
    checks: [
      ...cases.map((c) => equalCheck(`B5 ${c.name}: the app's population equals the anchor's`, c.rows.ours, c.rows.anchor)),
      equalCheck("B4 runs where the sink got exactly the messages the database marks sent, each Message-ID once", runs.filter((r) => r.sinkMatchesDb).length, runs.length),
      equalCheck("B4 runs whose typology counts match an independent count", runs.filter((r) => r.countsMatch).length, runs.length),
      equalCheck("B4 anchor send failures", runs.reduce((n, r) => n + r.anchor.failures, 0), 0),
    ],
  };
}
