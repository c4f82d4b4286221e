import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { entitySortable, listEntities, listParentOptions } from "@/lib/entities/queries";
import { pageCentral } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { EntitiesTable } from "./entities-table";

export const metadata: Metadata = { title: "Local entities" };

export default async function EntitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/entities");
  const sp = await searchParams;
  const query = parseTableQuery(sp, entitySortable, { sort: "label" });
  const parentParam = firstParam(sp, "parent");
  const db = getDb();
  const parents = await listParentOptions(db);
  const parentId = parents.some((p) => p.id === parentParam) ? parentParam : undefined;
  const { rows, total } = await listEntities(db, { ...query, parentId });
  return (
    <>
      <PageHeader
        title="Local entities"
        description="Branches, franchisees, dealers and agencies of the network, each with its own portal."
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href="/admin/entities/import">Import CSV</Link>
            </Button>
            <Button asChild>
              <Link href="/admin/entities/new">New entity</Link>
            </Button>
          </>
        }
      />
      <EntitiesTable
        rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
        total={total}
        parents={parents.map((p) => ({ value: p.id, label: p.label }))}
      />
    </>
  );
}
