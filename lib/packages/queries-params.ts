import { z } from "zod";
import type { PackageStatus } from "@/db/schema";
import { firstParam, type SearchParams } from "@/lib/tables/params";
import { packageStatusLabels } from "./states";

// Shared by the server query and the client controls, so it must stay free of database imports.

export const packageSortable = ["createdAt", "label", "kind", "folder", "reference", "status", "startAt", "endAt", "availableAt", "statusChangedAt"] as const;
export type PackageSort = (typeof packageSortable)[number];

export const packageKindLabels = { local: "Local", collaborative: "Collaborative" } as const;
export type PackageKind = keyof typeof packageKindLabels;

/** The quick links of the list, in the order they are shown; Late and Unavailable are derived (§3). */
export const packageViews = [
  { key: "all", label: "All" },
  { key: "being_edited", label: packageStatusLabels.being_edited },
  { key: "pending_approval", label: packageStatusLabels.pending_approval },
  { key: "approved", label: packageStatusLabels.approved },
  { key: "rejected", label: packageStatusLabels.rejected },
  { key: "published", label: packageStatusLabels.published },
  { key: "late", label: "Late" },
  { key: "unavailable", label: "Unavailable" },
  { key: "canceled", label: packageStatusLabels.canceled },
] as const satisfies readonly { key: PackageStatus | "all" | "late" | "unavailable"; label: string }[];
export type PackageView = (typeof packageViews)[number]["key"];

/** Beyond this many matches a filtered count stops and says "1,000+". */
export const COUNT_CAP = 1_000;

export type PackageFilters = {
  q?: string;
  kind?: PackageKind;
  folder?: string;
  referenceId?: string;
  /** Days (YYYY-MM-DD, UTC) bounding Start, both inclusive. */
  startFrom?: string;
  startTo?: string;
};

/** URL parameters of the "Filter list" panel; ?q and ?view are handled apart. */
export const packageFilterParams = ["type", "folder", "reference", "startFrom", "startTo"] as const;

/**
 * Where the list is: `after` / `before` hold an opaque keyset token (lib/tables/keyset.ts).
 * `page` is what older links carry; the list has no page numbers any more, so it is dropped
 * with the rest whenever the filters, view or sort change, and otherwise ignored.
 */
export const packagePositionParams = ["page", "after", "before"] as const;

/** The raw tokens; listPackages checks them against the sort and falls back to the first page. */
export function parsePackageCursor(sp: SearchParams): { after?: string; before?: string } {
  return { after: firstParam(sp, "after") || undefined, before: firstParam(sp, "before") || undefined };
}

export function parsePackageView(sp: SearchParams): PackageView {
  const v = firstParam(sp, "view");
  return packageViews.find((x) => x.key === v)?.key ?? "all";
}

const day = z.iso.date().optional().catch(undefined);

/** Reads the filter list from the URL; a malformed value is dropped rather than failing the page. */
export function parsePackageFilters(sp: SearchParams): Omit<PackageFilters, "q"> {
  const type = firstParam(sp, "type");
  return {
    kind: type === "local" || type === "collaborative" ? type : undefined,
    folder: firstParam(sp, "folder")?.trim().slice(0, 100) || undefined,
    referenceId: z.guid().optional().catch(undefined).parse(firstParam(sp, "reference")),
    startFrom: day.parse(firstParam(sp, "startFrom")),
    startTo: day.parse(firstParam(sp, "startTo")),
  };
}
