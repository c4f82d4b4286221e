import { and } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { getDb, getSql, schema, type Db } from "../../db";
import { packages } from "../../db/schema";
import { loadPackageList, parsePackageListQuery } from "../../lib/packages/list-keyset";
import { packageViewCounts } from "../../lib/packages/package-counts";
import { packageCursor, packageSortKeys } from "../../lib/packages/packages-keyset";
import { filterConditions, viewConditions, type PackageListQuery } from "../../lib/packages/queries";
import { keysetOrder } from "../../lib/tables/keyset";
import type { SearchParams } from "../../lib/tables/params";
import { explain, timeRuns, type Plan, type Stats } from "./measure";

export type ListFigure = { name: string; url: string; rows: number; total: number; time: Stats; plan?: Plan; countPlan?: Plan; serialPlan?: Plan };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const PER_PAGE = 20;
/** "A page about 1,000 pages deep" at 100,000 packages: a fifth into the list, page 1,000 of 5,001. */
export const deepPage = (packages: number) => Math.max(2, Math.round(Math.ceil(packages / PER_PAGE) / 5));

/** The list's URLs: what a central operator clicks, parsed by the same code as the page. The deep page is deepCase(). */
export function listCases(): { name: string; sp: SearchParams }[] {
  return [
    { name: "page 1, default sort", sp: {} },
    { name: "view=late, page 1", sp: { view: "late" } },
    { name: "view=pending_approval, sort reference", sp: { view: "pending_approval", sort: "reference" } },
    { name: "folder filter + sort label", sp: { folder: "Folder 07", sort: "label" } },
    { name: "type=collaborative + 90-day start range", sp: { type: "collaborative", startFrom: day(-365), startTo: day(-276) } },
    { name: "search q=black", sp: { q: "black" } },
  ];
}

// Kept for the HTTP benchmark's cases: the list's query as the page parses it.
export const toQuery = (sp: SearchParams): PackageListQuery => parsePackageListQuery(sp);

/**
 * The `after=` token of the page whose first row is row `offset` (0-based) of the list at these
 * parameters: the token of the row before it. Reads that row with OFFSET once, as set-up; the
 * page it names is then reached by keyset like any other.
 */
export async function cursorAtOffset(sp: SearchParams, offset: number): Promise<string> {
  const query = toQuery(sp);
  const key = packageSortKeys[query.sort];
  const [row] = await getDb()
    .select({ id: packages.id, value: key.text })
    .from(packages)
    .where(and(...filterConditions(query), viewConditions[query.view ?? "all"]))
    .orderBy(...keysetOrder(key, packages.id, query.desc))
    .offset(offset - 1)
    .limit(1);
  if (!row?.value) throw new Error(`the list at ${JSON.stringify(sp)} has no row ${offset}`);
  return packageCursor(query.sort, query.desc, { value: row.value, id: row.id, position: offset - 1 });
}

/** The deep page of the default order, reached as its Next link reaches it: at 100,000 packages ?after=<token of row 19,979>. */
export async function deepCase(): Promise<{ name: string; sp: SearchParams }> {
  const page = deepPage((await packageViewCounts(getDb(), {})).counts.all);
  return { name: `page ${page} (${PER_PAGE}/page), the deep page, by cursor`, sp: { after: await cursorAtOffset({}, (page - 1) * PER_PAGE) } };
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

const explainAll = (statements: { query: string; params: unknown[] }[]) => Promise.all(statements.map((s) => explain(getSql(), s.query, s.params)));
const slowest = (plans: Plan[]) => plans.reduce<Plan | undefined>((a, p) => (!a || p.executionMs > a.executionMs ? p : a), undefined);

/**
 * Each URL's whole data load as the page runs it (loadPackageList: the keyset page, the quick
 * links' counts, the total, the reference options). `plan` is the page's rows query; `countPlan`
 * the slowest of its counting statements (the counts, and the capped total when one runs).
 */
export async function benchList(): Promise<ListFigure[]> {
  const [first, ...rest] = listCases();
  const out: ListFigure[] = [];
  for (const { name, sp } of [first!, await deepCase(), ...rest]) {
    const page = await loadPackageList(getDb(), sp);
    const time = await timeRuns(() => loadPackageList(getDb(), sp));
    const captured = (await captureSql((db) => loadPackageList(db, sp))).filter((c) => !/from "campaigns"/.test(c.query));
    // Rows statements read each row's cursor value; the others count.
    const rowsSql = captured.filter((c) => c.query.includes(`"cursor_value"`));
    const countSql = captured.filter((c) => !c.query.includes(`"cursor_value"`));
    // A filtered page may send two rows statements (the bounded walk, then the matches): the slower says more.
    const plan = slowest(await explainAll(rowsSql));
    out.push({ name, url: urlOf(sp), rows: page.rows.length, total: page.total.count, time, plan, countPlan: slowest(await explainAll(countSql)) });
  }
  return out;
}

/** The quick-link counts alone, and the whole data load of page 1, as the page runs it. */
export async function benchPageExtras(): Promise<ListFigure[]> {
  const counts = await packageViewCounts(getDb(), {});
  const countsTime = await timeRuns(() => packageViewCounts(getDb(), {}));
  const [captured] = await captureSql((db) => packageViewCounts(db, {}));
  const countsPlan = await explain(getSql(), captured!.query, captured!.params);
  // On a small machine a parallel plan can cost more than it saves: the serial plan says how much.
  const serialPlan = await getSql().begin(async (tx) => {
    await tx`set local max_parallel_workers_per_gather = 0`;
    return explain(tx, captured!.query, captured!.params);
  });
  const pageTime = await timeRuns(() => loadPackageList(getDb(), {}));
  return [
    { name: "packageViewCounts (no filter)", url: "/admin/packages", rows: 1, total: counts.counts.all, time: countsTime, plan: countsPlan, serialPlan },
    { name: "page 1 data: list + counts + references", url: "/admin/packages", rows: PER_PAGE, total: counts.counts.all, time: pageTime },
  ];
}
