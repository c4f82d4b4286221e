import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { pageCentral } from "@/lib/pages";
import { listProviders, providerSortable } from "@/lib/providers/queries";
import { parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { ProvidersTable } from "./providers-table";

export const metadata: Metadata = { title: "Service providers" };

export default async function ProvidersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/providers");
  const query = parseTableQuery(await searchParams, providerSortable, { sort: "name" });
  const { rows, total } = await listProviders(getDb(), query);
  return (
    <>
      <PageHeader
        title="Service providers"
        description="Printers, mail houses and agencies: their cost structures, the extraction file they receive and what happens once it is sent."
        actions={
          <Button asChild>
            <Link href="/admin/providers/new">New provider</Link>
          </Button>
        }
      />
      <ProvidersTable rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))} total={total} />
    </>
  );
}
