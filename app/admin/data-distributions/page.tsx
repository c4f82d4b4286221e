import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { options } from "@/lib/campaigns/labels";
import { distributionSortable, listDistributions, type DistributionType } from "@/lib/distributions/queries";
import { distributionTypeLabels, distributionTypes } from "@/lib/distributions/schemas";
import { pageCentral } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { DistributionsTable } from "./distributions-table";

export const metadata: Metadata = { title: "Data distributions" };

export default async function DistributionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/data-distributions");
  const sp = await searchParams;
  const query = parseTableQuery(sp, distributionSortable, { sort: "label" });
  const typeParam = firstParam(sp, "type");
  const type = (distributionTypes as readonly string[]).includes(typeParam ?? "") ? (typeParam as DistributionType) : undefined;
  const { rows, total } = await listDistributions(getDb(), { ...query, type });
  return (
    <>
      <PageHeader
        title="Data distributions"
        description="How a Split or a Local approval hands each value of a contact field to a local entity, with a limit per value."
        actions={
          <Button asChild>
            <Link href="/admin/data-distributions/new">New data distribution</Link>
          </Button>
        }
      />
      <DistributionsTable rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))} total={total} types={options(distributionTypeLabels)} />
    </>
  );
}
