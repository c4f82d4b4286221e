import { and, count, eq, gte, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { packages, packageStatusCounts, packageStatuses, type PackageStatus } from "@/db/schema";
import { filterConditions, viewConditions } from "./queries";
import { COUNT_CAP, packageViews, type PackageFilters, type PackageView } from "./queries-params";

/** A count, or when `exact` is false a lower bound: "at least count". */
export type BoundedCount = { count: number; exact: boolean };
/** Every quick link's count; when `exact` is false, each is a lower bound, at most COUNT_CAP ("1,000+"). */
export type ViewCounts = { counts: Record<PackageView, number>; exact: boolean };

const now = sql`now()`;
const stored = (s: PackageStatus) => sql`coalesce(sum(${packageStatusCounts.count}) filter (where ${packageStatusCounts.status} = ${s}), 0)`;
const countWhere = (cond: SQL) => sql`(select count(*) from ${packages} where ${cond})`;

/**
 * Late and Unavailable are counted by their complement: the packages of the status not yet past
 * their date. Those stay few however old the catalog grows (ended publications pile up, the
 * upcoming ones do not), and the partial indexes of db/schema/packages.ts reach them directly.
 */
const notYetLate = {
  // Two counts rather than one OR, so that each is an index-only scan.
  pendingDue: and(eq(packages.status, "pending_approval"), gte(packages.approvalDeadline, now))!,
  pendingUndated: and(eq(packages.status, "pending_approval"), isNull(packages.approvalDeadline))!,
  approved: and(eq(packages.status, "approved"), gte(packages.availableAt, now))!,
};
const notYetEnded = and(eq(packages.status, "published"), gte(packages.endAt, now))!;

/** Unfiltered: the counter table kept by triggers plus the derived views, exact, in one statement (one snapshot). */
async function storedViewCounts(db: DbOrTx): Promise<Record<PackageView, number>> {
  const fields = {
    all: sql<number>`coalesce(sum(${packageStatusCounts.count}), 0)::int`,
    ...Object.fromEntries(packageStatuses.map((s) => [s, sql<number>`(${stored(s)})::int`])),
    late: sql<number>`(${stored("pending_approval")} - ${countWhere(notYetLate.pendingDue)} - ${countWhere(notYetLate.pendingUndated)}
      + ${stored("approved")} - ${countWhere(notYetLate.approved)})::int`,
    unavailable: sql<number>`(${stored("published")} - ${countWhere(notYetEnded)})::int`,
  } as Record<PackageView, SQL<number>>;
  const [row] = await db.select(fields).from(packageStatusCounts);
  return row as Record<PackageView, number>;
}

/**
 * Filtered: one pass over at most COUNT_CAP + 1 matching packages. Under the cap every count is
 * exact; past it, the counts of that sample are true lower bounds, and `all` reads "1,000+".
 */
async function cappedViewCounts(db: DbOrTx, where: SQL): Promise<ViewCounts> {
  const fields = packageViews.map(({ key }) => {
    const cond = viewConditions[key];
    return sql`${cond ? sql`count(*) filter (where ${cond})` : sql`count(*)`}::int as ${sql.identifier(key)}`;
  });
  // The sample is aliased "packages" so that the view conditions' "packages"."status"… resolve to it.
  const [row] = await db.execute<Record<PackageView, number>>(sql`
    select ${sql.join(fields, sql`, `)}
    from (select ${packages.status}, ${packages.approvalDeadline}, ${packages.availableAt}, ${packages.endAt}
          from ${packages} where ${where} limit ${COUNT_CAP + 1}) as ${packages}`);
  const exact = row!.all <= COUNT_CAP;
  const capped = Object.fromEntries(Object.entries(row!).map(([k, n]) => [k, Math.min(n, COUNT_CAP)])) as Record<PackageView, number>;
  return { counts: exact ? row! : capped, exact };
}

/** The quick links' and chart's counts under the filters: exact and cheap when none is set. */
export async function packageViewCounts(db: DbOrTx, filters: PackageFilters): Promise<ViewCounts> {
  const conds = filterConditions(filters);
  return conds.length ? cappedViewCounts(db, and(...conds)!) : { counts: await storedViewCounts(db), exact: true };
}

/**
 * The list's total for its view, from the counts already read when they are exact (or for All);
 * else one count that stops at COUNT_CAP + 1.
 */
export async function packageListTotal(db: DbOrTx, query: PackageFilters & { view?: PackageView }, counts: ViewCounts): Promise<BoundedCount> {
  const view = query.view ?? "all";
  if (counts.exact || view === "all") return { count: counts.counts[view], exact: counts.exact };
  const sample = db
    .select({ one: sql`1` })
    .from(packages)
    .where(and(...filterConditions(query), viewConditions[view]))
    .limit(COUNT_CAP + 1)
    .as("sample");
  const [row] = await db.select({ n: count() }).from(sample);
  const n = row?.n ?? 0;
  return n > COUNT_CAP ? { count: COUNT_CAP, exact: false } : { count: n, exact: true };
}
