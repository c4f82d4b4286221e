import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getPackageDashboard } from "@/lib/packages/dashboard";
import { listPackageDocuments } from "@/lib/packages/documents";
import { packageStatusLabels } from "@/lib/packages/states";
import { pageCentral } from "@/lib/pages";
import { cn, formatDateTime } from "@/lib/utils";
import { CascadeProgress } from "./cascade-progress";
import { PackageActions } from "./package-actions";
import { PackageDocuments } from "./package-documents";
import { AuditTab, CampaignsTab, OrdersTab } from "./package-tabs";

export const metadata: Metadata = { title: "Campaign package" };

const statusTone = { being_edited: "gray", pending_approval: "amber", approved: "blue", published: "green", rejected: "red", canceled: "red" } as const;

export default async function PackagePage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string }> }) {
  const { id } = await props.params;
  await pageCentral(`/admin/packages/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const [d, documents] = await Promise.all([getPackageDashboard(getDb(), id), listPackageDocuments(getDb(), id)]);
  if (!d) notFound();
  const tab = (await props.searchParams).tab ?? "orders";
  const tabs = [
    { key: "orders", label: `Orders (${d.orderTotals.n})` },
    { key: "audit", label: "Audit" },
    ...(d.children ? [{ key: "campaigns", label: "List of associated campaigns" }] : []),
  ];
  const p = d.p;
  return (
    <>
      <PageHeader title={p.label} description={p.description || undefined} actions={<Badge tone={statusTone[p.status]}>{packageStatusLabels[p.status]}</Badge>} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_320px]">
        <Card>
          <dl className="grid grid-cols-[160px_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">Type</dt>
            <dd>{p.kind === "local" ? "Local campaign package" : `Collaborative package${d.collaborativeType ? ` (${d.collaborativeType.replace("_", " ")})` : ""}`}</dd>
            <dt className="text-slate-500">Reference campaign</dt>
            <dd>{d.reference}</dd>
            <dt className="text-slate-500">Folder</dt>
            <dd>{p.folder || "—"}</dd>
            <dt className="text-slate-500">Status</dt>
            <dd>{packageStatusLabels[p.status]} since {formatDateTime(p.statusChangedAt)}</dd>
            {p.rejectionComment ? (<><dt className="text-slate-500">Rejection comment</dt><dd className="text-red-800">{p.rejectionComment}</dd></>) : null}
            {p.cancelComment ? (<><dt className="text-slate-500">Cancellation comment</dt><dd>{p.cancelComment}</dd></>) : null}
          </dl>
        </Card>
        <div className="space-y-4">
          <Card className="space-y-3">
            <h2 className="text-sm font-semibold text-slate-900">Actions</h2>
            <PackageActions id={p.id} status={p.status} />
          </Card>
          <Card className="space-y-3">
            <h2 className="text-sm font-semibold text-slate-900">Attached documents</h2>
            <PackageDocuments packageId={p.id} documents={documents} editable={p.status === "being_edited" || p.status === "rejected"} />
          </Card>
        </div>
      </div>
      {d.cascade ? (
        <div className="mt-4">
          <CascadeProgress finished={!!d.cascade.finishedAt} ordersCanceled={d.cascade.ordersCanceled} entitiesNotified={d.cascade.entitiesNotified} startedAt={d.cascade.startedAt.toISOString()} />
        </div>
      ) : null}
      <nav className="mt-6 flex gap-1 border-b border-slate-200" aria-label="Package tabs">
        {tabs.map((t) => (
          <Link key={t.key} href={`?tab=${t.key}`} aria-current={tab === t.key ? "page" : undefined} className={cn("-mb-px border-b-2 px-4 py-2 text-sm font-medium", tab === t.key ? "border-blue-700 text-blue-800" : "border-transparent text-slate-600 hover:text-slate-900")}>
            {t.label}
          </Link>
        ))}
      </nav>
      <div className="mt-4">
        {tab === "audit" ? <AuditTab d={d} /> : tab === "campaigns" && d.children ? <CampaignsTab rows={d.children} /> : <OrdersTab d={d} />}
      </div>
    </>
  );
}
