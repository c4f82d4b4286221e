import type { Metadata } from "next";
import { Paperclip } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getCatalogPackage } from "@/lib/catalog/queries";
import { orderability } from "@/lib/orders/orderability";
import { pageEntity } from "@/lib/pages";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Campaign package" };

export default async function CatalogPackagePage({ params }: { params: Promise<{ entity: string; packageId: string }> }) {
  const { entity: slug, packageId } = await params;
  const { entity } = await pageEntity(`/portal/${slug}/catalog/${packageId}`, slug);
  if (!z.uuid().safeParse(packageId).success) notFound();
  const p = await getCatalogPackage(getDb(), entity.id, packageId);
  if (!p) notFound();
  const base = `/portal/${entity.internalName}`;
  const check = await orderability(getDb(), entity.id, p.id);
  const verb = p.kind === "local" ? "Order the campaign" : "Register for the campaign";
  return (
    <>
      <PageHeader
        title={p.label}
        description={p.kind === "local" ? "Local campaign package: your entity gets its own campaign." : "Collaborative campaign run by the central team."}
        actions={
          check.ok ? (
            <Button asChild>
              <Link href={`${base}/catalog/${p.id}/order`}>{verb}</Link>
            </Button>
          ) : undefined
        }
      />
      {check.ok ? null : (
        <div role="status" className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p>{check.reason}</p>
          {check.liveOrderId ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={`${base}/orders/${check.liveOrderId}`}>Open your order</Link>
            </Button>
          ) : null}
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_300px]">
        <Card className="space-y-4 text-sm">
          {p.description ? <p className="whitespace-pre-line text-slate-700">{p.description}</p> : null}
          {p.messageForEntities ? (
            <div className="rounded-md border border-blue-100 bg-blue-50 p-3 text-blue-900">
              <p className="text-xs font-semibold uppercase tracking-wide">Message from the central team</p>
              <p className="mt-1 whitespace-pre-line">{p.messageForEntities}</p>
            </div>
          ) : null}
        </Card>
        <div className="space-y-4">
          <Card>
            <h2 className="mb-2 text-sm font-semibold text-slate-900">Deadlines</h2>
            <dl className="space-y-1.5 text-sm">
              <div><dt className="text-slate-500">Available from</dt><dd>{formatDateTime(p.availableAt)}</dd></div>
              {p.registrationDeadline ? <div><dt className="text-slate-500">Registration deadline</dt><dd>{formatDateTime(p.registrationDeadline)}</dd></div> : null}
              {p.personalizationDeadline ? <div><dt className="text-slate-500">Personalization deadline</dt><dd>{formatDateTime(p.personalizationDeadline)}</dd></div> : null}
              <div><dt className="text-slate-500">Offered until</dt><dd>{formatDateTime(p.endAt)}</dd></div>
            </dl>
          </Card>
          <Card>
            <h2 className="mb-2 text-sm font-semibold text-slate-900">Documents</h2>
            {p.documents.length === 0 ? <p className="text-sm text-slate-500">None.</p> : null}
            <ul className="space-y-1 text-sm">
              {p.documents.map((d) => (
                <li key={d.id}>
                  <a className="flex items-center gap-1.5 text-blue-700 hover:underline" href={`/portal/${entity.internalName}/catalog/${p.id}/documents/${d.id}`}>
                    <Paperclip className="size-3.5" aria-hidden /> {d.fileName}
                  </a>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
