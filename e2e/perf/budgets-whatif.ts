import type postgres from "postgres";
import { getSql } from "../../db";
import { now, rolledBackSql, sample, type Sample } from "./execution-measure";
import { explain, type Plan } from "./measure";

// B6 what-ifs: the statements budgetMgt sent (captured by the trace, same parameters), replayed
// beside alternatives in rolled-back transactions on the same data, so that a proposed change
// inside lib/budgets comes with its measured effect. Nothing here changes lib/budgets.

export type Sent = { query: string; params: unknown[] };

export type Variant = {
  name: string;
  change: string;
  prep: string[];
  timed: Sent[];
  /** Which timed statement to explain afterwards: the last by default, null for none. */
  explain?: number | null;
};

export type VariantFigure = {
  name: string;
  change: string;
  time: Sample;
  /** Median of each timed statement over the rounds, when a variant times several. */
  perStatement?: number[];
  plan?: Plan;
  error?: string;
};

export type WhatIf = { scenario: string; statement: string; variants: VariantFigure[] };

const params = (s: Sent) => s.params as postgres.ParameterOrJSON<never>[];

/** The statements that set the run up (its work_mem, dirty_campaigns), as the run sent them. */
export const setupOf = (sent: Sent[]) =>
  sent.filter((s) => /^\s*(set local work_mem|create temporary table dirty_campaigns|insert into dirty_campaigns|analyze dirty_campaigns)/i.test(s.query));

/**
 * Variants whose change has since been made in lib/budgets or lib/stock: no longer measured, and
 * left out when an older run's figures are rendered again.
 */
const APPLIED = new Set([
  "no dirty join", // budgetMgt: a full run aggregates the lines without the join to dirty_campaigns
  "work_mem 64MB", // budgetMgt sets work_mem 64MB for the run
  "no dirty join + work_mem",
  "orders joined", // stockMgt: the delivered orders summed per line in a joined subquery
  "incremental on deliveries.updated_at", // stockMgt: keyed on deliveries.cost_changed_at (migration 0013)
]);

/** The what-ifs still open: applied variants dropped, and a what-if with no alternative left. */
export const stillOpen = (whatIfs: WhatIf[]): WhatIf[] =>
  whatIfs
    .map((w) => ({ ...w, variants: w.variants.filter((v) => !APPLIED.has(v.name)) }))
    .filter((w) => w.variants.some((v) => v.name !== "as shipped"));

/**
 * Each variant: its set-up (dirty_campaigns, then its own prep: a SET, an index), untimed, then its
 * timed statements, in a transaction rolled back. One warm-up round, then `runs` rounds, variants
 * alternating within each round; then one statement of each (the last by default) is explained.
 */
export async function compare(scenario: string, statement: string, setup: Sent[], variants: Variant[], runs: number): Promise<WhatIf> {
  const sql = getSql();
  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const each = new Map<string, number[][]>(variants.map((v) => [v.name, []]));
  const errors = new Map<string, string>();
  const plans = new Map<string, Plan>();
  for (let round = 0; round <= runs; round++) {
    for (const v of variants) {
      if (errors.has(v.name)) continue;
      try {
        const steps = await rolledBackSql(sql, async (tx) => {
          for (const s of setup) await tx.unsafe(s.query, params(s));
          for (const p of v.prep) await tx.unsafe(p);
          const out: number[] = [];
          for (const s of v.timed) {
            const t0 = now();
            await tx.unsafe(s.query, params(s));
            out.push(now() - t0);
          }
          return out;
        });
        if (round > 0) {
          times.get(v.name)!.push(steps.reduce((a, b) => a + b, 0));
          each.get(v.name)!.push(steps);
        }
      } catch (e) {
        errors.set(v.name, (e as Error).message);
      }
    }
  }
  for (const v of variants) {
    const at = v.explain === undefined ? v.timed.length - 1 : v.explain;
    if (errors.has(v.name) || at === null) continue;
    const target = v.timed[at]!;
    plans.set(
      v.name,
      await rolledBackSql(sql, async (tx) => {
        for (const s of setup) await tx.unsafe(s.query, params(s));
        for (const p of v.prep) await tx.unsafe(p);
        for (const s of v.timed.slice(0, at)) await tx.unsafe(s.query, params(s));
        return explain(tx, target.query, params(target));
      }),
    );
  }
  return {
    scenario,
    statement,
    variants: variants.map((v) => {
      const rounds = each.get(v.name)!;
      const perStatement = v.timed.length > 1 && rounds.length ? v.timed.map((_, i) => sample(rounds.map((r) => r[i]!)).median) : undefined;
      return { name: v.name, change: v.change, time: sample(times.get(v.name)!), perStatement, plan: plans.get(v.name), error: errors.get(v.name) };
    }),
  };
}

const find = (sent: Sent[], pattern: RegExp) => sent.find((s) => pattern.test(s.query));

/** The body of the `lines` CTE of recomputeCampaigns, as sent. */
function linesCte(q: string): { start: number; end: number; body: string } | null {
  const open = q.search(/with lines as \(/i);
  const close = q.search(/\),\s*paid as \(/i);
  if (open < 0 || close < 0) return null;
  const start = q.indexOf("(", open) + 1;
  return { start, end: close, body: q.slice(start, close) };
}

const DIRTY_JOIN = /\s+join dirty_campaigns dc on dc\.id = l\.campaign_id/i;

/**
 * Alternatives for recomputeCampaigns in a full run, which already aggregates the lines without
 * the join to dirty_campaigns, under the run's work_mem (replayed by setupOf).
 */
export function fullRunVariants(sent: Sent[]): { statement: string; variants: Variant[] } | null {
  const st = find(sent, /^\s*with lines as \(/i);
  const cte = st && linesCte(st.query);
  if (!st || !cte || DIRTY_JOIN.test(cte.body)) return null;
  const fromTemp = `${st.query.slice(0, cte.start)} select * from line_sums ${st.query.slice(cte.end)}`;
  return {
    statement: "recomputeCampaigns (the UPDATE … FROM the lines' sums per campaign)",
    variants: [
      { name: "as shipped", change: "—", prep: [], timed: [st] },
      {
        name: "parallel pre-aggregate",
        change: "in a full run, `create temporary table line_sums on commit drop as` the same aggregate (a SELECT may run in parallel; an UPDATE never does), then the UPDATE reads line_sums",
        prep: [],
        explain: 0,
        timed: [{ query: `create temporary table line_sums on commit drop as ${cte.body}`, params: [] }, { query: fromTemp, params: st.params }],
      },
      {
        name: "covering index",
        change: "`create index on expense_lines (campaign_id) include (amount, real_amount)` (built untimed): an index-only scan feeds the aggregate in campaign order",
        prep: ["create index expense_lines_campaign_sums_idx on expense_lines (campaign_id) include (amount, real_amount)", "analyze expense_lines"],
        timed: [st],
      },
    ],
  };
}

/** Alternatives for the two costliest statements of an incremental run (one campaign dirty). */
export function incrementalVariants(sent: Sent[]): { statement: string; variants: Variant[] }[] {
  const out: { statement: string; variants: Variant[] }[] = [];
  const del = find(sent, /^\s*delete from expense_lines/i);
  if (del) {
    out.push({
      statement: "syncGeneratedLines' DELETE of lines whose item is no longer priced",
      variants: [
        { name: "as shipped", change: "—", prep: [], timed: [del] },
        {
          name: "partial index",
          change: "`create index on expense_lines (campaign_id) where delivery_id is not null or task_id is not null` (the generated lines only; built untimed)",
          prep: ["create index expense_lines_generated_idx on expense_lines (campaign_id) where delivery_id is not null or task_id is not null", "analyze expense_lines"],
          timed: [del],
        },
      ],
    });
  }
  const programs = find(sent, /^\s*with sums as \(\s*select p\.id/i);
  const FROM = /from programs p left join campaigns c on c\.program_id = p\.id/i;
  if (programs && FROM.test(programs.query)) {
    out.push({
      statement: "recomputePrograms (every program re-added from every campaign)",
      variants: [
        { name: "as shipped", change: "—", prep: [], timed: [programs] },
        {
          name: "dirty programs only",
          change:
            "add `where p.id in (select c2.program_id from campaigns c2 join dirty_campaigns d2 on d2.id = c2.id)` to the sums: only the programs of the dirty campaigns. Not equivalent as it stands: a campaign moved to another program leaves its old program stale, unless the run also knows the old program",
          prep: [],
          timed: [{ query: programs.query.replace(FROM, (m) => `${m} where p.id in (select c2.program_id from campaigns c2 join dirty_campaigns d2 on d2.id = c2.id)`), params: programs.params }],
        },
      ],
    });
  }
  return out;
}
