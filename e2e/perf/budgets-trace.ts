import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { getSql, schema, type Db } from "../../db";
import { now, rolledBack, rolledBackSql } from "./execution-measure";
import { explain, type Plan } from "./measure";

// Where a technical workflow's run spends its time: every statement it sends, with the time from
// it leaving to the next one leaving (so the JS work after it counts with it), and an EXPLAIN
// (ANALYZE, BUFFERS) of each, replayed in order in a rolled-back transaction (later statements
// read the temporary tables and rows the earlier ones wrote).

export type Step = { statement: string; ms: number; plan?: Plan; rows?: number };

export type Trace = { steps: Step[]; totalMs: number };

type Sent = { query: string; params: unknown[]; at: number };

const short = (q: string) => q.replace(/\s+/g, " ").trim().slice(0, 110);
// Statements EXPLAIN accepts; DDL and ANALYZE run as they are.
const explainable = (q: string) => /^\s*(select|insert|update|delete|with)\b/i.test(q);

type TxFn<T> = (tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => Promise<T>;

/**
 * Runs `fn` on a drizzle instance that timestamps each statement (an array push: nothing a run
 * would notice), in a transaction rolled back unless `commit`.
 */
export async function trace<T>(fn: TxFn<T>, opts: { commit?: boolean } = {}): Promise<{ trace: Trace; sent: Sent[]; result: T }> {
  const sent: Sent[] = [];
  const db = drizzle(getSql(), { schema, logger: { logQuery: (query, params) => sent.push({ query, params, at: now() }) } });
  const t0 = now();
  const result = opts.commit ? await db.transaction(fn) : await rolledBack(db, fn);
  const end = now();
  // BEGIN, COMMIT and ROLLBACK do not reach the logger: the first step starts at t0 (BEGIN's
  // round trip counts with it) and the last ends with the commit or rollback.
  const steps = sent.map((s, i) => ({ statement: short(s.query), ms: (sent[i + 1]?.at ?? end) - (i === 0 ? t0 : s.at) }));
  return { trace: { steps, totalMs: end - t0 }, sent, result };
}

/** The same statements, each explained (or run) in order, in one rolled-back transaction. */
export async function explainAll(sent: Sent[], minMs = 0): Promise<Step[]> {
  return rolledBackSql(getSql(), async (tx) => {
    const out: Step[] = [];
    for (const s of sent) {
      const params = s.params as postgres.ParameterOrJSON<never>[];
      if (!explainable(s.query)) {
        const t0 = now();
        await tx.unsafe(s.query, params);
        out.push({ statement: short(s.query), ms: now() - t0 });
        continue;
      }
      const plan = await explain(tx, s.query, params);
      out.push({ statement: short(s.query), ms: plan.executionMs, plan: plan.executionMs >= minMs ? plan : undefined, rows: topRows(plan) });
    }
    return out;
  });
}

const topRows = (p: Plan) => Number(p.text.split("\n")[0]?.match(/rows=([\d.]+) loops/)?.[1] ?? NaN);
