import type { Metadata } from "next";
import { ParameterRows } from "@/components/orders/parameter-list";
import { Paperclip } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { OrderReviewPanel } from "@/components/orders/order-review-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { entityMayChange } from "@/lib/orders/entity-changes";
import { getEntityOrder } from "@/lib/orders/entity-queries";
import { listOrderDocuments } from "@/lib/orders/files";
import { orderStatusLabels, orderStatusTones } from "@/lib/orders/labels";
import { describeParameters } from "@/lib/orders/notify";
import { mayReviewOrders } from "@/lib/orders/reviewers";
import { pageEntity } from "@/lib/pages";
import { formatDateTime } from "@/lib/utils";
import { reviewOrderAction } from "../actions";
import { CancelOrderButton } from "./cancel-order-button";
import { OrderFeedbackReports } from "@/components/deliveries/order-feedback-reports";

export const metadata: Metadata = { title: "Order" };

export default async function EntityOrderPage({ params }: { params: Promise<{ entity: string; id: string }> }) {
  const { entity: slug, id } = await params;
  const { actor, entity } = await pageEntity(`/portal/${slug}/orders/${id}`, slug);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  // Scoped to the entity: another entity's order answers like a missing one.
  const found = await getEntityOrder(db, entity.id, id);
  if (!found) notFound();
  const { order: o, pkg } = found;
  const [docs, reviewer] = await Promise.all([
    listOrderDocuments(db, o.id),
    // The same rule as the action: the entity's order reviewers (central operators review from the admin area).
    o.status === "ordered" ? mayReviewOrders(db, actor, entity.id) : Promise.resolve(false),
  ]);
  const base = `/portal/${entity.internalName}`;
  const automatic = pkg.approvalMode === "automatic";
  const changeable = entityMayChange(o, pkg);
  const parameters = describeParameters(found.fields, o.parameters);
  const fieldLabels = new Map(found.fields.map((f) => [f.name, f.label]));
  // A pre-subscription (automatic mode) was decided by no one: nothing to show until someone acts.
  const decided = o.status !== "ordered" && !(automatic && !o.decidedById && !o.statusComment);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`${base}/orders`} className="text-sm text-blue-700 hover:underline">
            My orders
          </Link>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold text-slate-900">{o.label}</h1>
            <Badge tone={orderStatusTones[o.status]}>{orderStatusLabels[o.status]}</Badge>
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {pkg.label} · {orderStatusLabels[o.status]} since {formatDateTime(o.statusChangedAt)}
          </p>
        </div>
        {changeable ? (
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="secondary">
              <Link href={`${base}/orders/${o.id}/edit`}>Change the order parameters</Link>
            </Button>
            <CancelOrderButton entity={entity.internalName} orderId={o.id} automatic={automatic} />
          </div>
        ) : null}
      </div>

      {o.status === "rejected" ? (
        <div className="mb-4 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">
            Rejected{found.decidedBy ? ` by ${found.decidedBy}` : ""} on {formatDateTime(o.statusChangedAt)}
          </p>
          <p className="mt-1 whitespace-pre-line">{o.statusComment || "No comment was given."}</p>
        </div>
      ) : o.status === "canceled" ? (
        <div className="mb-4 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-800">
          <p className="font-semibold">
            Canceled{found.decidedBy ? ` by ${found.decidedBy}` : ""} on {formatDateTime(o.statusChangedAt)}
          </p>
          {o.statusComment ? <p className="mt-1 whitespace-pre-line">{o.statusComment}</p> : null}
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_320px]">
        <div className="min-w-0 space-y-4">
          <Card>
            <h2 className="mb-3 text-sm font-semibold text-slate-900">General</h2>
            <dl className="grid grid-cols-[150px_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">Package</dt>
              <dd>
                <span className="font-medium">{pkg.label}</span>{" "}
                <span className="text-slate-500">
                  ({pkg.kind === "local" ? "local campaign" : "collaborative campaign"}
                  {automatic ? ", automatic subscription" : ""})
                </span>
              </dd>
              <dt className="text-slate-500">Ordered by</dt>
              <dd>{found.createdBy ?? (automatic ? "Subscribed automatically at publication" : "—")}</dd>
              <dt className="text-slate-500">Ordered on</dt>
              <dd>{formatDateTime(o.createdAt)}</dd>
              <dt className="text-slate-500">Comment</dt>
              <dd className="whitespace-pre-line">{o.comment || "—"}</dd>
              {decided ? (
                <>
                  <dt className="text-slate-500">Decided by</dt>
                  <dd>{found.decidedBy ?? "—"}</dd>
                  <dt className="text-slate-500">Decision comment</dt>
                  <dd className={o.status === "rejected" ? "whitespace-pre-line font-medium text-red-800" : "whitespace-pre-line"}>{o.statusComment || "—"}</dd>
                </>
              ) : null}
            </dl>
          </Card>
          <Card>
            <h2 className="mb-3 text-sm font-semibold text-slate-900">Parameters</h2>
            {parameters.length === 0 ? (
              <p className="text-sm text-slate-500">This package has no personalization fields.</p>
            ) : (
              <dl className="grid grid-cols-[200px_1fr] gap-x-4 gap-y-2 text-sm">
                <ParameterRows parameters={parameters} />
              </dl>
            )}
          </Card>
          <Card>
            <h2 className="mb-3 text-sm font-semibold text-slate-900">Documents</h2>
            {docs.length === 0 ? <p className="text-sm text-slate-500">None.</p> : null}
            <ul className="space-y-1 text-sm">
              {docs.map((d) => (
                <li key={d.id}>
                  <a className="inline-flex items-center gap-1.5 text-blue-700 hover:underline" href={`${base}/orders/${o.id}/documents/${d.id}`} download>
                    <Paperclip className="size-3.5" aria-hidden /> {d.fileName}
                  </a>
                  {d.fieldName ? <span className="text-slate-500"> · {fieldLabels.get(d.fieldName) ?? d.fieldName}</span> : null}
                </li>
              ))}
            </ul>
          </Card>
        </div>
        <div className="space-y-4">
          {reviewer ? (
            <Card>
              <h2 className="mb-1 text-sm font-semibold text-slate-900">Accept or reject</h2>
              <p className="mb-3 text-sm text-slate-600">You are one of the order reviewers of {entity.label}. The first answer counts.</p>
              <OrderReviewPanel action={reviewOrderAction.bind(null, o.id, o.updatedAt.toISOString())} />
            </Card>
          ) : null}
          {found.campaign ? (
            <Card>
              <h2 className="mb-1 text-sm font-semibold text-slate-900">Campaign</h2>
              <p className="mb-3 text-sm text-slate-600">{found.campaign.label}</p>
              <Link href={`${base}/campaigns/${found.campaign.id}`} className="text-sm font-medium text-blue-700 hover:underline">
                Open the campaign
              </Link>
            </Card>
          ) : null}
          {/* A child campaign has its own deliveries, on its page; otherwise the reference campaign's feedback reports. */}
          {found.campaign ? null : <OrderFeedbackReports entityId={entity.id} entity={entity.internalName} orderId={o.id} />}
          {!changeable && (o.status === "approved" || o.status === "available") ? (
            <Card className="text-sm text-slate-600">This order is approved: ask the central team to change or cancel it.</Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
