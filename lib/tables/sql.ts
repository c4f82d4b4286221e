import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { TableQuery } from "./params";

/** ORDER BY for a sortable column; empty values go last either way. */
export function orderBy(column: AnyColumn | SQL, desc: boolean): SQL {
  return desc ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
}

/** OFFSET of the page a table asked for (pages count from 1). */
export function offsetOf(query: Pick<TableQuery<string>, "page" | "perPage">): number {
  return (query.page - 1) * query.perPage;
}
