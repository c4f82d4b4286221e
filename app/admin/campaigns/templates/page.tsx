import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { distributionLevelLabels, options } from "@/lib/campaigns/labels";
import { listTemplates, templateSortable } from "@/lib/campaigns/template-queries";
import { pageCentral } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { TemplatesTable } from "./templates-table";

export const metadata: Metadata = { title: "Campaign templates" };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/campaigns/templates");
  const sp = await searchParams;
  const query = parseTableQuery(sp, templateSortable, { sort: "label" });
  const levelParam = firstParam(sp, "level");
  const level = levelParam === "local" || levelParam === "collaborative" ? levelParam : undefined;
  const { rows, total } = await listTemplates(getDb(), { ...query, level });
  return (
    <>
      <PageHeader
        title="Campaign templates"
        description="Distribution level, collaborative type and the personalization fields that local entities fill in."
        actions={
          <Button asChild>
            <Link href="/admin/campaigns/templates/new">New template</Link>
          </Button>
        }
      />
      <TemplatesTable rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))} total={total} levels={options(distributionLevelLabels)} />
    </>
  );
}
