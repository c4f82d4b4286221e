import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { StatusBar } from "@/components/charts/status-bar";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { campaignStatuses } from "@/db/schema";
import { campaignStatusLabels, options } from "@/lib/campaigns/labels";
import { entityCampaignSortable, entityCampaignStatusCounts, listEntityCampaigns, type CampaignStatus } from "@/lib/campaigns/local-campaigns";
import { pageEntity } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { EntityCampaignsTable } from "./campaigns-table";

export const metadata: Metadata = { title: "My campaigns" };

const statusColors: Record<CampaignStatus, string> = {
  being_edited: "bg-slate-400",
  to_validate: "bg-amber-400",
  started: "bg-blue-500",
  finished: "bg-emerald-500",
  canceled: "bg-red-500",
};

export default async function MyCampaignsPage(props: { params: Promise<{ entity: string }>; searchParams: Promise<SearchParams> }) {
  const { entity: slug } = await props.params;
  const { entity } = await pageEntity(`/portal/${slug}/campaigns`, slug);
  const base = `/portal/${entity.internalName}`;
  const sp = await props.searchParams;
  const query = parseTableQuery(sp, entityCampaignSortable, { sort: "startDate", desc: true });
  const statusParam = firstParam(sp, "status");
  const status = (campaignStatuses as readonly string[]).includes(statusParam ?? "") ? (statusParam as CampaignStatus) : undefined;
  const [{ rows, total }, counts] = await Promise.all([listEntityCampaigns(getDb(), entity.id, { ...query, status }), entityCampaignStatusCounts(getDb(), entity.id)]);
  const all = campaignStatuses.reduce((n, s) => n + counts[s], 0);
  return (
    <>
      <PageHeader
        title="My campaigns"
        description={`The campaigns ${entity.label} runs: its own local campaigns and its child campaigns of collaborative campaigns.`}
      />
      {all === 0 ? (
        <Card className="space-y-3 text-center">
          <p className="text-sm text-slate-700">Your entity has no campaign yet.</p>
          <p className="text-sm text-slate-500">
            A campaign appears here once an order for a local campaign package, or for a collaborative campaign (by campaign), is available.
          </p>
          <Button asChild>
            <Link href={`${base}/catalog`}>Browse the catalog</Link>
          </Button>
        </Card>
      ) : (
        <div className="space-y-6">
          <Card>
            <StatusBar title="By status" segments={campaignStatuses.map((s) => ({ label: campaignStatusLabels[s], value: counts[s], className: statusColors[s] }))} />
          </Card>
          <EntityCampaignsTable
            base={`${base}/campaigns`}
            rows={rows.map((r) => ({ ...r, startDate: r.startDate?.toISOString() ?? null, endDate: r.endDate?.toISOString() ?? null }))}
            total={total}
            statuses={options(campaignStatusLabels)}
          />
        </div>
      )}
    </>
  );
}
