import type { Variant } from "./budgets-whatif";

// B7 what-ifs: stockMgt's statements as sent (captured from an unchanged run) beside alternatives,
// replayed by compare() in rolled-back transactions. Nothing here changes lib/stock.
//
// None is open: the earlier ones were made in lib/stock/stock-mgt.ts: the delivered orders summed
// per line in a joined subquery; consumptions written by triggers in each delivery's own
// transaction, and incremental runs that re-add only the lines stamped since the last watermark
// (migration 0017). A new alternative goes here, as a Variant list beside "as shipped".

type Sent = { query: string; params: unknown[] };
type Alternatives = { statement: string; variants: Variant[] } | null;

/** The lines' UPDATE, after an unchanged run: no alternative open. */
export function linesVariants(_sent: Sent[]): Alternatives {
  return null;
}

/** A whole run after the burst: no alternative open. */
export function burstVariants(_sent: Sent[], _since: string): Alternatives {
  return null;
}
