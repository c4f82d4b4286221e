import { drizzle } from "drizzle-orm/postgres-js";
import { getDb, getSql, schema, type Db } from "../../db";
import { listPackages, listReferenceCampaignOptions, packageViewCounts, type PackageListQuery } from "../../lib/packages/queries";
import { packageSortable, parsePackageFilters, parsePackageView } from "../../lib/packages/queries-params";
import { parseTableQuery, type SearchParams } from "../../lib/tables/params";
import { explain, timeRuns, type Plan, type Stats } from "./measure";

export type ListFigure = { name: string; url: string; rows: number; total: number; time: Stats; plan?: Plan; countPlan?: Plan; serialPlan?: Plan };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The list's URLs: what a central operator clicks, parsed by the same code as the page. */
export function listCases(): { name: string; sp: SearchParams }[] {
  return [
    { name: "page 1, default sort", sp: {} },
    { name: "page 1000 (20/page), default sort", sp: { page: "1000" } },
    { name: "view=late, page 1", sp: { view: "late" } },
    { name: "view=pending_approval, sort reference", sp: { view: "pending_approval", sort: "reference" } },
    { name: "folder filter + sort label", sp: { folder: "Folder 07", sort: "label" } },
    { name: "type=collaborative + 90-day start range", sp: { type: "collaborative", startFrom: day(-365), startTo: day(-276) } },
    { name: "search q=black", sp: { q: "black" } },
  ];
}

// Mirrors app/admin/packages/page.tsx, so that the benchmark asks what the page asks.
export function toQuery(sp: SearchParams): PackageListQuery {
  const query = parseTableQuery(sp, packageSortable, { sort: "createdAt", desc: true });
  return { ...query, ...parsePackageFilters(sp), q: query.q, view: parsePackageView(sp) };
}

const urlOf = (sp: SearchParams) => `/admin/packages${Object.keys(sp).length ? `?${new URLSearchParams(sp as Record<string, string>)}` : ""}`;

/**
 * Runs a function against a drizzle instance that records each statement it sends, so EXPLAIN
 * sees the exact SQL and parameters of the real query builder rather than a hand-written copy.
 */
export async function captureSql(fn: (db: Db) => Promise<unknown>): Promise<{ query: string; params: unknown[] }[]> {
  const seen: { query: string; params: unknown[] }[] = [];
  const traced = drizzle(getSql(), { schema, logger: { logQuery: (query, params) => seen.push({ query, params }) } });
  await fn(traced);
  return seen;
}

export async function benchList(): Promise<ListFigure[]> {
  const out: ListFigure[] = [];
  for (const { name, sp } of listCases()) {
    const query = toQuery(sp);
    const { rows, total } = await listPackages(getDb(), query);
    const time = await timeRuns(() => listPackages(getDb(), query));
    const captured = await captureSql((db) => listPackages(db, query));
    const rowsSql = captured.find((c) => !/^select count\(/.test(c.query))!;
    const countSql = captured.find((c) => /^select count\(/.test(c.query))!;
    const plan = await explain(getSql(), rowsSql.query, rowsSql.params);
    const countPlan = await explain(getSql(), countSql.query, countSql.params);
    out.push({ name, url: urlOf(sp), rows: rows.length, total, time, plan, countPlan });
  }
  return out;
}

/** The quick-link counts and the whole data load of page 1, as the page runs it (in parallel). */
export async function benchPageExtras(): Promise<ListFigure[]> {
  const query = toQuery({});
  const filters = { ...parsePackageFilters({}), q: query.q };
  const counts = await packageViewCounts(getDb(), filters);
  const countsTime = await timeRuns(() => packageViewCounts(getDb(), filters));
  const [captured] = await captureSql((db) => packageViewCounts(db, filters));
  const countsPlan = await explain(getSql(), captured!.query, captured!.params);
  // On a small machine a parallel plan can cost more than it saves: the serial plan says how much.
  const serialPlan = await getSql().begin(async (tx) => {
    await tx`set local max_parallel_workers_per_gather = 0`;
    return explain(tx, captured!.query, captured!.params);
  });
  const pageTime = await timeRuns(() =>
    Promise.all([listPackages(getDb(), query), packageViewCounts(getDb(), filters), listReferenceCampaignOptions(getDb())]),
  );
  return [
    { name: "packageViewCounts (no filter)", url: "/admin/packages", rows: 1, total: counts.all, time: countsTime, plan: countsPlan, serialPlan },
    { name: "page 1 data: list + counts + references", url: "/admin/packages", rows: 20, total: counts.all, time: pageTime },
  ];
}
