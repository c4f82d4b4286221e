import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/postgres-js";
import { TransactionRollbackError } from "drizzle-orm";
import type postgres from "postgres";
import { getSql, schema, type Db } from "../../db";

// Small helpers shared by the execution benchmark's two scenarios.

export type Sample = { median: number; min: number; max: number; runs: number[] };

export function sample(ms: number[]): Sample {
  const s = [...ms].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)]!, min: s[0]!, max: s[s.length - 1]!, runs: ms };
}

export const now = () => performance.now();

/** Runs `fn` in a drizzle transaction that is always rolled back; returns what fn returned. */
export async function rolledBack<T>(db: Db, fn: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => Promise<T>): Promise<T> {
  let out: T | undefined;
  try {
    await db.transaction(async (tx) => {
      out = await fn(tx);
      tx.rollback();
    });
  } catch (e) {
    if (!(e instanceof TransactionRollbackError)) throw e;
  }
  return out as T;
}

class Rollback extends Error {}

/** The same for postgres.js: the anchor's statements run here. */
export async function rolledBackSql<T>(sql: postgres.Sql, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  let out: T | undefined;
  try {
    await sql.begin(async (tx) => {
      out = await fn(tx);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return out as T;
}

export type Captured = { query: string; params: unknown[] };

/** A drizzle instance on the app's pool that records every statement it sends, with its parameters. */
export function tracedDb(): { db: Db; statements: Captured[] } {
  const statements: Captured[] = [];
  const db = drizzle(getSql(), { schema, logger: { logQuery: (query, params) => statements.push({ query, params }) } });
  return { db, statements };
}

export type Trigger = { name: string; ms: number; calls: number };

/** "Trigger for constraint …: time=… calls=…" lines of an EXPLAIN ANALYZE of a write. */
export function triggersOf(planText: string): Trigger[] {
  return [...planText.matchAll(/^Trigger for constraint (\S+): time=([\d.]+) calls=(\d+)/gm)].map((m) => ({ name: m[1]!, ms: Number(m[2]), calls: Number(m[3]) }));
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
export const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "—");
export const fence = (s: string) => `\`\`\`\n${s}\n\`\`\``;
export const runsOf = (s: Sample) => s.runs.map((x) => fmt(x)).join(", ");
