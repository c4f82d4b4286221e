import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { loadPackageList } from "@/lib/packages/list-keyset";
import { pageCentral } from "@/lib/pages";
import type { SearchParams } from "@/lib/tables/params";
import { PackagesFilters } from "./packages-filters";
import { PackagesStatusChart } from "./packages-status-chart";
import { PackagesTable } from "./packages-table";
import { PackagesViews } from "./packages-views";

export const metadata: Metadata = { title: "Campaign packages" };

export default async function PackagesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/packages");
  const sp = await searchParams;
  const { query, rows, from, next, prev, counts, total, references } = await loadPackageList(getDb(), sp);
  return (
    <>
      <PageHeader
        title="Campaign packages"
        description="Reference campaigns offered to local entities, from editing through approval to publication."
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href="/admin/packages/new?kind=local">New local campaign package (localEmpty)</Link>
            </Button>
            <Button asChild>
              <Link href="/admin/packages/new?kind=collaborative">New collaborative package (mutualizedEmpty)</Link>
            </Button>
          </>
        }
      />
      <PackagesViews sp={sp} active={query.view ?? "all"} counts={counts} />
      {/* The chart spans the page above the table, which needs the full width for its nine columns. */}
      <div className="space-y-4">
        <Card>
          <PackagesStatusChart counts={counts} />
        </Card>
        <div className="min-w-0 space-y-3">
          <PackagesFilters references={references.map((r) => ({ value: r.id, label: r.label }))} />
          <PackagesTable
            rows={rows.map((r) => ({
              ...r,
              statusChangedAt: r.statusChangedAt.toISOString(),
              startAt: r.startAt.toISOString(),
              endAt: r.endAt.toISOString(),
              availableAt: r.availableAt.toISOString(),
            }))}
            page={{ from, next, prev, rows: rows.length, total }}
          />
        </div>
      </div>
    </>
  );
}
