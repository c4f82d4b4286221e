import type { B6Figures } from "./budgets-b6";
import type { B7Figures } from "./budgets-stock";

// Issue 7's targets for B6 and B7, and whether a run's figures meet them.

export const B6_RATIO = 2;
export const B6_INCREMENTAL_MS = 50;
export const B7_RATIO = 2;

export function b6Holds(b6: B6Figures) {
  const ratio = b6.full.median / b6.anchor.median;
  return {
    ratio,
    full: ratio <= B6_RATIO,
    incremental: b6.incremental.median <= B6_INCREMENTAL_MS,
    exact: b6.verifyAfterFull.mismatches === 0 && b6.verifyAfterIncremental.mismatches === 0,
  };
}

export function b7Holds(b7: B7Figures) {
  const ratio = b7.full.median / b7.anchor.median;
  const burstRatio = b7.burst.ms / b7.burstAnchorMs;
  const runs = [b7.first, ...b7.fullRuns, b7.burst, b7.burstRerun, b7.recross.replenished, b7.recross.recrossed];
  return { ratio, burstRatio, full: ratio <= B7_RATIO, burst: burstRatio <= B7_RATIO, alerts: runs.every((r) => r.alerts.ok) && b7.crossingMismatches === 0 && b7.duplicateEmails === 0 };
}
