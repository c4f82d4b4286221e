import { and, asc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaigns, packages } from "@/db/schema";
import { decodeCursor, encodeCursor, keysetOrder, keysetWhere, type KeysetCursor, type KeysetDirection } from "@/lib/tables/keyset";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { packageSortId, packageSortKeys } from "./packages-keyset";
import type { PackageFilters, PackageSort, PackageView } from "./queries-params";

const now = sql`now()`;
// Derived filters of §3, evaluated by the database clock so that counts and rows agree.
export const late = or(
  and(eq(packages.status, "pending_approval"), lt(packages.approvalDeadline, now)),
  and(eq(packages.status, "approved"), lt(packages.availableAt, now)),
)!;
export const unavailable = and(eq(packages.status, "published"), lt(packages.endAt, now))!;

export const viewConditions: Record<PackageView, SQL | undefined> = {
  all: undefined,
  being_edited: eq(packages.status, "being_edited"),
  pending_approval: eq(packages.status, "pending_approval"),
  approved: eq(packages.status, "approved"),
  rejected: eq(packages.status, "rejected"),
  published: eq(packages.status, "published"),
  late,
  unavailable,
  canceled: eq(packages.status, "canceled"),
};

/**
 * The folders whose name matches: folders are few next to packages, so they are listed by a skip
 * scan of packages_folder_idx (one index probe per distinct folder) and matched by name there.
 * The packages are then reached by equality on that index, rather than by an ILIKE on each row;
 * as a semi-join, PostgreSQL estimates them from the folders found, not from a guess.
 */
const foldersLike = (pattern: string) => sql`(
  with recursive f(folder) as (
    (select pf.folder from ${packages} pf order by pf.folder limit 1)
    union all
    select (select pf.folder from ${packages} pf where pf.folder > f.folder order by pf.folder limit 1) from f where f.folder is not null
  ) select folder from f where folder ilike ${pattern})`;

const dayStart = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000);

/** The "Filter list" panel and the search; empty when none is set. */
export function filterConditions(f: PackageFilters): SQL[] {
  const out: SQL[] = [];
  if (f.q) {
    const p = likePattern(f.q);
    out.push(or(ilike(packages.label, p), ilike(packages.internalName, p))!);
  }
  if (f.kind) out.push(eq(packages.kind, f.kind));
  if (f.folder) out.push(sql`${packages.folder} in ${foldersLike(likePattern(f.folder))}`);
  if (f.referenceId) out.push(eq(packages.referenceCampaignId, f.referenceId));
  if (f.startFrom) out.push(gte(packages.startAt, dayStart(f.startFrom)));
  if (f.startTo) out.push(lt(packages.startAt, dayStart(f.startTo, 1)));
  return out;
}

export type PackageListQuery = Pick<TableQuery<PackageSort>, "perPage" | "sort" | "desc" | "q"> &
  PackageFilters & {
    view?: PackageView;
    /** Raw `after=` / `before=` tokens from the URL; a bad or foreign one gives the first page. */
    after?: string;
    before?: string;
  };

const rowFields = {
  id: packages.id,
  label: packages.label,
  kind: packages.kind,
  folder: packages.folder,
  referenceCampaignId: packages.referenceCampaignId,
  referenceLabel: packages.referenceLabel,
  status: packages.status,
  statusChangedAt: packages.statusChangedAt,
  startAt: packages.startAt,
  endAt: packages.endAt,
  availableAt: packages.availableAt,
  late: sql<boolean>`coalesce(${late}, false)`.as("late"),
  unavailable: sql<boolean>`coalesce(${unavailable}, false)`.as("unavailable"),
};

/**
 * How many rows, in the sort's order, a filtered page reads before it stops trusting that order.
 * Matches spread evenly fill a page within a few hundred rows; matches that sort far away (a
 * folder whose labels all start late in the alphabet, a start range long ago when sorting by
 * creation) would make the index walk read most of the table, so past this the page reads the
 * matches through their own indexes (trigram, start range, status…) and sorts them.
 */
const WALK = 1000;

/**
 * One keyset page of the list: `from` is the 1-based number of its first row (0 when empty),
 * `next` / `prev` the tokens of the pages after and before it, null at either end. No count:
 * the total comes from packageListTotal (package-counts.ts).
 */
export async function listPackages(db: DbOrTx, query: PackageListQuery) {
  const where = and(...filterConditions(query), viewConditions[query.view ?? "all"]);
  const key = packageSortKeys[query.sort];
  const sortId = packageSortId(query.sort, query.desc);
  const n = query.perPage;
  const fields = { ...rowFields, cursorValue: key.text.as("cursor_value"), sortValue: sql`${key.value}`.as("sort_value") };
  // One row more than shown says whether another page follows, without counting.
  const fetch = async (cursor: KeysetCursor | null, direction: KeysetDirection) => {
    const range = cursor ? keysetWhere(key, packages.id, query.desc, cursor, direction) : undefined;
    const order = keysetOrder(key, packages.id, query.desc, direction);
    if (!where) return db.select(fields).from(packages).where(range).orderBy(...order).limit(n + 1);
    // First the walk along the sort's index, bounded (a LIMIT also keeps the filter from being pushed into it)…
    const walk = db
      .select({ ...fields, hit: sql<boolean>`coalesce(${where}, false)`.as("hit") })
      .from(packages)
      .where(range)
      .orderBy(...order)
      .limit(WALK)
      .as("walk");
    const walked = await db
      .select()
      .from(walk)
      .where(sql`${walk.hit}`)
      .orderBy(...keysetOrder({ ...key, value: sql`${walk.sortValue}` }, walk.id, query.desc, direction))
      .limit(n + 1);
    if (walked.length > n) return walked.map(({ hit: _hit, ...row }) => row);
    // …then, if it did not fill the page, the matches found by their own indexes and sorted. A LIMIT
    // (of all rows: drizzle drops OFFSET 0, the usual fence) keeps the subquery from being merged
    // into the outer query, so PostgreSQL plans it to read every match rather than to walk the sort.
    const matches = db.select(fields).from(packages).where(and(where, range)).limit(Number.MAX_SAFE_INTEGER).as("matches");
    return db
      .select()
      .from(matches)
      .orderBy(...keysetOrder({ ...key, value: sql`${matches.sortValue}` }, matches.id, query.desc, direction))
      .limit(n + 1);
  };
  type Fetched = Awaited<ReturnType<typeof fetch>>;
  const page = (got: Fetched, start: number, hasPrev: boolean, hasNext: boolean) => {
    const token = (r: Fetched[number], position: number) => encodeCursor(sortId, { value: r.cursorValue, id: r.id, position });
    return {
      rows: got.map(({ cursorValue: _c, sortValue: _s, ...row }) => row),
      from: got.length ? start + 1 : 0,
      prev: hasPrev && got.length ? token(got[0]!, start) : null,
      next: hasNext && got.length ? token(got[got.length - 1]!, start + got.length - 1) : null,
    };
  };
  const first = async () => {
    const got = await fetch(null, "after");
    return page(got.slice(0, n), 0, false, got.length > n);
  };

  const after = decodeCursor(query.after, sortId, key);
  if (after) {
    const got = await fetch(after, "after");
    // Past the end (rows deleted since, or a forged position): the first page rather than an empty one.
    if (!got.length) return first();
    return page(got.slice(0, n), after.position + 1, true, got.length > n);
  }
  const before = decodeCursor(query.before, sortId, key);
  if (before) {
    const got = await fetch(before, "before");
    if (got.length > n) return page(got.slice(0, n).reverse(), Math.max(0, before.position - n), true, true);
    // No row before these: they are the first page, whole when nothing was deleted meanwhile.
    if (got.length === n) return page(got.reverse(), 0, false, true);
    return first();
  }
  return first();
}
export type PackagePage = Awaited<ReturnType<typeof listPackages>>;
export type PackageRow = PackagePage["rows"][number];

/** Central campaigns, the only ones a package may reference, for the reference filter. */
export async function listReferenceCampaignOptions(db: DbOrTx) {
  return db.select({ id: campaigns.id, label: campaigns.label }).from(campaigns).where(isNull(campaigns.entityId)).orderBy(asc(campaigns.label)).limit(2000);
}
