import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Cache = { sql?: postgres.Sql; db?: Db; url?: string };
// Cached on globalThis so that dev hot reloads reuse one pool instead of leaking connections.
const cache = ((globalThis as { __dmDb?: Cache }).__dmDb ??= {});

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start`, which provides one.");
  return url;
}

export function getSql(): postgres.Sql {
  const url = databaseUrl();
  if (!cache.sql || cache.url !== url) {
    cache.sql = postgres(url, { max: Number(process.env.DB_POOL_SIZE ?? 10), onnotice: () => {} });
    cache.db = drizzle(cache.sql, { schema });
    cache.url = url;
  }
  return cache.sql;
}

export function getDb(): Db {
  getSql();
  return cache.db!;
}

export async function closeDb(): Promise<void> {
  const sql = cache.sql;
  cache.sql = undefined;
  cache.db = undefined;
  cache.url = undefined;
  await sql?.end({ timeout: 5 });
}

export { schema };
