import { and, asc, count, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaigns, packages } from "@/db/schema";
import { likePattern, type TableQuery } from "@/lib/tables/params";
import { offsetOf, orderBy } from "@/lib/tables/sql";
import { packageViews, type PackageFilters, type PackageSort, type PackageView } from "./queries-params";

const now = sql`now()`;
// Derived filters of §3, evaluated by the database clock so that counts and rows agree.
const late = or(
  and(eq(packages.status, "pending_approval"), lt(packages.approvalDeadline, now)),
  and(eq(packages.status, "approved"), lt(packages.availableAt, now)),
)!;
const unavailable = and(eq(packages.status, "published"), lt(packages.endAt, now))!;

const viewConditions: Record<PackageView, SQL | undefined> = {
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

const dayStart = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000);

function filterConditions(f: PackageFilters): SQL[] {
  const out: SQL[] = [];
  if (f.q) {
    const p = likePattern(f.q);
    out.push(or(ilike(packages.label, p), ilike(packages.internalName, p))!);
  }
  if (f.kind) out.push(eq(packages.kind, f.kind));
  if (f.folder) out.push(ilike(packages.folder, likePattern(f.folder)));
  if (f.referenceId) out.push(eq(packages.referenceCampaignId, f.referenceId));
  if (f.startFrom) out.push(gte(packages.startAt, dayStart(f.startFrom)));
  if (f.startTo) out.push(lt(packages.startAt, dayStart(f.startTo, 1)));
  return out;
}

const sortColumns = {
  label: packages.label,
  kind: packages.kind,
  folder: packages.folder,
  reference: campaigns.label,
  status: packages.status,
  startAt: packages.startAt,
  endAt: packages.endAt,
  availableAt: packages.availableAt,
  statusChangedAt: packages.statusChangedAt,
} as const;

function ordering(sort: PackageSort, descending: boolean): SQL[] {
  // Plain ASC/DESC on (created_at, id) so that the (created_at, id) and (status, created_at, id)
  // indexes serve the default order without a sort; NULLS LAST would not match them.
  if (sort === "createdAt") return descending ? [desc(packages.createdAt), desc(packages.id)] : [asc(packages.createdAt), asc(packages.id)];
  return [orderBy(sortColumns[sort], descending), asc(packages.id)];
}

export type PackageListQuery = TableQuery<PackageSort> & PackageFilters & { view?: PackageView };

export async function listPackages(db: DbOrTx, query: PackageListQuery) {
  const where = and(...filterConditions(query), viewConditions[query.view ?? "all"]);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: packages.id,
        label: packages.label,
        kind: packages.kind,
        folder: packages.folder,
        referenceCampaignId: packages.referenceCampaignId,
        referenceLabel: campaigns.label,
        status: packages.status,
        statusChangedAt: packages.statusChangedAt,
        startAt: packages.startAt,
        endAt: packages.endAt,
        availableAt: packages.availableAt,
        late: sql<boolean>`coalesce(${late}, false)`,
        unavailable: sql<boolean>`coalesce(${unavailable}, false)`,
      })
      .from(packages)
      .innerJoin(campaigns, eq(campaigns.id, packages.referenceCampaignId))
      .where(where)
      .orderBy(...ordering(query.sort, query.desc))
      .limit(query.perPage)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(packages).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type PackageRow = Awaited<ReturnType<typeof listPackages>>["rows"][number];

/** Every quick link's count under the same filters, in one pass over packages. */
export async function packageViewCounts(db: DbOrTx, filters: PackageFilters): Promise<Record<PackageView, number>> {
  const fields = Object.fromEntries(
    packageViews.map(({ key }) => {
      const cond = viewConditions[key];
      return [key, cond ? sql<number>`(count(*) filter (where ${cond}))::int` : sql<number>`count(*)::int`];
    }),
  ) as Record<PackageView, SQL<number>>;
  const [row] = await db.select(fields).from(packages).where(and(...filterConditions(filters)));
  return row as Record<PackageView, number>;
}

/** Central campaigns, the only ones a package may reference, for the reference filter. */
export async function listReferenceCampaignOptions(db: DbOrTx) {
  return db.select({ id: campaigns.id, label: campaigns.label }).from(campaigns).where(isNull(campaigns.entityId)).orderBy(asc(campaigns.label)).limit(2000);
}
