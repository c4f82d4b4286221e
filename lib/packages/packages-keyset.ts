import { packageKind, packages, packageStatus } from "@/db/schema";
import { encodeCursor, enumKey, textKey, timestampKey, type KeysetKey } from "@/lib/tables/keyset";
import type { PackageSort } from "./queries-params";

// Every sort of the list, each served by a (column, id) index of packages (db/schema/packages.ts).
// All are NOT NULL; "reference" reads the copy of the campaign's label kept on the package.
export const packageSortKeys: Record<PackageSort, KeysetKey> = {
  createdAt: timestampKey(packages.createdAt),
  label: textKey(packages.label),
  kind: enumKey(packages.kind, "package_kind", packageKind.enumValues),
  folder: textKey(packages.folder),
  reference: textKey(packages.referenceLabel),
  status: enumKey(packages.status, "package_status", packageStatus.enumValues),
  startAt: timestampKey(packages.startAt),
  endAt: timestampKey(packages.endAt),
  availableAt: timestampKey(packages.availableAt),
  statusChangedAt: timestampKey(packages.statusChangedAt),
};

/** The sort as the URL writes it (?sort=label.asc), which a cursor must match to be used. */
export const packageSortId = (sort: PackageSort, desc: boolean) => `${sort}.${desc ? "desc" : "asc"}`;

/**
 * The `after=` token of a row: the page it links to starts with the row that follows it. `value`
 * is the row's sort value as the list reads it (packageSortKeys[sort].text: text and enums as
 * they are, timestamps as integer microseconds since the epoch); `position` its 0-based row
 * number in the list, which only the "1–20 of …" caption uses.
 */
export function packageCursor(sort: PackageSort, desc: boolean, row: { value: string; id: string; position: number }): string {
  return encodeCursor(packageSortId(sort, desc), row);
}
