import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { campaignStatuses } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { campaignSortable, listCampaigns, type CampaignStatus } from "@/lib/campaigns/campaign-queries";
import { campaignStatusLabels, options } from "@/lib/campaigns/labels";
import { pageCentral } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { CampaignsTable } from "./campaigns-table";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/campaigns");
  const sp = await searchParams;
  const query = parseTableQuery(sp, campaignSortable, { sort: "startDate", desc: true });
  const statusParam = firstParam(sp, "status");
  const status = (campaignStatuses as readonly string[]).includes(statusParam ?? "") ? (statusParam as CampaignStatus) : undefined;
  const { rows, total } = await listCampaigns(getDb(), { ...query, status });
  return (
    <>
      <PageHeader
        title="Reference campaigns"
        description="The central team's campaigns, each with its workflow. Campaign packages offer them to local entities."
        actions={
          <Button asChild>
            <Link href="/admin/campaigns/new">New campaign</Link>
          </Button>
        }
      />
      <CampaignsTable
        rows={rows.map((r) => ({ ...r, startDate: r.startDate?.toISOString() ?? null, endDate: r.endDate?.toISOString() ?? null }))}
        total={total}
        statuses={options(campaignStatusLabels)}
      />
    </>
  );
}
