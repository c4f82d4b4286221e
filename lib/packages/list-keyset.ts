import type { DbOrTx } from "@/db";
import { parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { packageListTotal, packageViewCounts } from "./package-counts";
import { listPackages, listReferenceCampaignOptions, type PackageListQuery } from "./queries";
import { packageSortable, parsePackageCursor, parsePackageFilters, parsePackageView } from "./queries-params";

/** The list's URL as its query: sort, size, search, filters, view and keyset position. */
export function parsePackageListQuery(sp: SearchParams): PackageListQuery {
  // ?page=N of older links is dropped: the list has no page numbers (queries-params.ts).
  const { page: _page, ...query } = parseTableQuery(sp, packageSortable, { sort: "createdAt", desc: true });
  return { ...query, ...parsePackageFilters(sp), q: query.q, view: parsePackageView(sp), ...parsePackageCursor(sp) };
}

/**
 * Everything /admin/packages shows for a URL: one keyset page, the quick links' counts and the
 * total, and the reference filter's options. Three statements in parallel, no exact count of
 * a filtered list: a fourth, capped, only for a view under filters matching over COUNT_CAP.
 */
export async function loadPackageList(db: DbOrTx, sp: SearchParams) {
  const query = parsePackageListQuery(sp);
  const filters = { q: query.q, kind: query.kind, folder: query.folder, referenceId: query.referenceId, startFrom: query.startFrom, startTo: query.startTo };
  const [page, counts, references] = await Promise.all([listPackages(db, query), packageViewCounts(db, filters), listReferenceCampaignOptions(db)]);
  const total = await packageListTotal(db, { ...filters, view: query.view }, counts);
  return { query, ...page, counts, total, references };
}
