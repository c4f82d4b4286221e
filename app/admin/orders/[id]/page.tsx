import type { Metadata } from "next";
import { ParameterRows } from "@/components/orders/parameter-list";
import { Paperclip } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { liveOrderStatuses } from "@/db/schema";
import { Card, PageHeader } from "@/components/ui/card";
import { OrderReviewPanel } from "@/components/orders/order-review-panel";
import { orderStatusLabels } from "@/lib/orders/labels";
import { getOrderForCentral } from "@/lib/orders/queries";
import { pageCentral } from "@/lib/pages";
import { formatDateTime } from "@/lib/utils";
import { reviewOrderAction } from "../actions";
import { OrderGeneralForm } from "./order-general-form";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await pageCentral(`/admin/orders/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const row = await getOrderForCentral(getDb(), id);
  if (!row) notFound();
  const o = row.o;
  return (
    <>
      <PageHeader title={o.label} description={`${row.entity} · ${orderStatusLabels[o.status]} since ${formatDateTime(o.statusChangedAt)}`} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_320px]">
        <Card className="space-y-4">
          <h2 className="text-sm font-semibold text-slate-900">Edit &gt; General</h2>
          <OrderGeneralForm orderId={o.id} label={o.label} comment={o.comment} editable={liveOrderStatuses.includes(o.status)} />
          <div>
            <h3 className="text-sm font-medium text-slate-700">Personalization values entered by the entity</h3>
            {row.parameters.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">None.</p>
            ) : (
              <dl className="mt-2 grid grid-cols-[200px_1fr] gap-y-1 text-sm">
                <ParameterRows parameters={row.parameters} />
              </dl>
            )}
          </div>
          <div>
            <h3 className="text-sm font-medium text-slate-700">Documents</h3>
            {row.documents.length === 0 ? <p className="mt-1 text-sm text-slate-500">None.</p> : null}
            <ul className="mt-1 space-y-1 text-sm">
              {row.documents.map((d) => (
                <li key={d.id}>
                  <a className="inline-flex items-center gap-1.5 text-blue-700 hover:underline" href={`/admin/orders/${o.id}/documents/${d.id}`}>
                    <Paperclip className="size-3.5" aria-hidden /> {d.fileName}
                  </a>
                  {d.fieldName ? <span className="ml-1 text-slate-500">(personalization field)</span> : null}
                </li>
              ))}
            </ul>
          </div>
        </Card>
        <div className="space-y-4">
          {o.status === "ordered" ? (
            <Card>
              <h2 className="mb-1 text-sm font-semibold text-slate-900">Accept or reject</h2>
              <p className="mb-3 text-sm text-slate-600">The first answer counts; the entity is emailed the decision.</p>
              <OrderReviewPanel action={reviewOrderAction.bind(null, o.id, o.updatedAt.toISOString())} />
            </Card>
          ) : null}
          <Card className="space-y-2 text-sm">
            <p><span className="text-slate-500">Entity:</span> {row.entity}</p>
            <p><span className="text-slate-500">Package:</span> <Link className="text-blue-700 hover:underline" href={`/admin/packages/${row.packageId}`}>{row.package}</Link></p>
            <p><span className="text-slate-500">Ordered:</span> {formatDateTime(o.createdAt)}</p>
            {o.statusComment ? <p><span className="text-slate-500">Status comment:</span> {o.statusComment}</p> : null}
          </Card>
        </div>
      </div>
    </>
  );
}
