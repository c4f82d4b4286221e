import type postgres from "postgres";
import type { CascadeFigures } from "./cascade";
import type { ListFigure } from "./list";
import { ms } from "./measure";
import { equalCheck, fmtRatio, type BenchSummary } from "./suite-report";

// Issue 7's targets for what packages.bench.ts measures. B1's throughput and p97.5 are HTTP
// figures (http.bench.ts); in process, the list can show the deep-page ratio.
export const B1_DEEP_RATIO = 1.2;
export const B3_RATIO = 1.5;

/** Live orders left on the packages the cascades canceled: must be 0. */
export async function liveOrdersLeft(sql: postgres.Sql, ids: { ours: string; anchor: string }): Promise<number> {
  const [r] = await sql`select count(*)::int as n from orders
    where package_id in (${ids.ours}, ${ids.anchor}) and status in ('ordered', 'approved', 'available')`;
  return r!.n as number;
}

export function packagesSummary(list: ListFigure[], c: CascadeFigures, opts: { entities: number; liveLeft: number; smoke: boolean }): BenchSummary {
  const page1 = list.find((f) => f.name.startsWith("page 1,"));
  const deep = list.find((f) => /^page 1000|deep/.test(f.name));
  const holds = (ok: boolean) => (opts.smoke ? null : ok);
  const rows: BenchSummary["rows"] = [];
  if (page1 && deep) {
    const ratio = deep.time.median / page1.time.median;
    rows.push({
      id: "B1",
      scenario: "packages list in process: the deep page against page 1 (median of 15)",
      ours: `${ms(deep.time.median)} ms`,
      anchor: `${ms(page1.time.median)} ms (page 1)`,
      ratio: `${ratio.toFixed(2)}×`,
      target: `≤ ${B1_DEEP_RATIO}× page 1`,
      holds: holds(ratio <= B1_DEEP_RATIO),
    });
  }
  const ratio = c.ours.cascadeMs / c.anchor.cascadeMs;
  rows.push({
    id: "B3",
    scenario: `cancel cascade, ${opts.entities.toLocaleString("en-US")} orders (one run each)`,
    ours: `${ms(c.ours.cascadeMs)} ms`,
    anchor: `${ms(c.anchor.cascadeMs)} ms`,
    ratio: fmtRatio(c.ours.cascadeMs, c.anchor.cascadeMs),
    target: `≤ ${B3_RATIO}×`,
    holds: holds(ratio <= B3_RATIO),
  });
  return {
    bench: "packages",
    rows,
    checks: [
      equalCheck("B3 orders canceled by the cascade", c.ours.ordersCanceled, opts.entities),
      equalCheck("B3 live orders left after both cascades", opts.liveLeft, 0),
      equalCheck("B3 entities notified, one email each", c.ours.notified, opts.entities),
      equalCheck("B3 the anchor notifies as many entities", c.anchor.notified, c.ours.notified),
      equalCheck("B3 a replay runs again", c.replay.ran, false),
      equalCheck("B3 notifications added by a replay", c.replay.notified, 0),
      equalCheck("B3 the anchor ends in the same state", c.anchor.state, c.ours.state),
    ],
  };
}
