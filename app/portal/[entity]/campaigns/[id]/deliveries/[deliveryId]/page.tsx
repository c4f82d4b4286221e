import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { ApprovalsPanel } from "@/components/deliveries/approvals-panel";
import { DeliveryContentForm } from "@/components/deliveries/delivery-content-form";
import { DeliveryReportView } from "@/components/deliveries/delivery-report";
import { ProofForm } from "@/components/deliveries/proof-form";
import { RejectionNotice } from "@/components/deliveries/rejection-notice";
import { StockWarning } from "@/components/stock/stock-warning";
import { StopDeliveryButton } from "@/components/deliveries/stop-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { entityScope } from "@/lib/deliveries/access";
import { channelLabels, deliveryStatusLabels, deliveryStatusTones, isStoppable } from "@/lib/deliveries/labels";
import { getDeliveryPage, getSubscribedDelivery } from "@/lib/deliveries/queries";
import { deliveryReport } from "@/lib/deliveries/report";
import { pageEntity } from "@/lib/pages";
import { sendOwnDeliveryProofAction, stopOwnDeliveryAction, submitOwnDeliveryAction, updateOwnDeliveryContentAction } from "./actions";
import { SubmitDeliveryButton } from "@/components/deliveries/submit-button";

export const metadata: Metadata = { title: "Delivery" };

/**
 * A delivery seen from an entity's portal: for its own (local or child) campaign, the delivery
 * page scoped to the entity; for a reference campaign it subscribed to, the delivery feedback
 * report of its own contacts. Any other delivery answers like a missing one.
 */
export default async function EntityDeliveryPage({ params }: { params: Promise<{ entity: string; id: string; deliveryId: string }> }) {
  const { entity: slug, id, deliveryId } = await params;
  const { actor, entity } = await pageEntity(`/portal/${slug}/campaigns/${id}/deliveries/${deliveryId}`, slug);
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(deliveryId).success) notFound();
  const db = getDb();
  const page = await getDeliveryPage(db, id, deliveryId, entityScope(entity.id));
  const base = `/portal/${entity.internalName}`;
  if (!page) {
    const subscribed = await getSubscribedDelivery(db, entity.id, id, deliveryId);
    if (!subscribed) notFound();
    const report = await deliveryReport(db, deliveryId, { entityId: entity.id });
    const d = subscribed.delivery;
    return (
      <>
        <Header back={{ href: `${base}/orders`, label: "My orders" }} title={d.label} status={d.status} subtitle={`Delivery feedback report · ${subscribed.campaignLabel} · ${channelLabels[d.channel]}`} />
        <Card className="space-y-4">
          <div>
            <h2 className="text-sm font-semibold text-slate-900">Delivery feedback report</h2>
            <p className="text-xs text-slate-500">What happened to {entity.label}&apos;s contacts in this delivery of the central campaign.</p>
          </div>
          <DeliveryReportView report={report} perEntity={false} />
        </Card>
      </>
    );
  }
  const { delivery: d, campaign, sample, contentEditable } = page;
  const report = await deliveryReport(db, d.id, { entityId: entity.id });
  const editable = contentEditable && d.status === "being_edited";
  return (
    <>
      <Header
        back={{ href: `${base}/campaigns/${campaign.id}`, label: campaign.label }}
        title={d.label}
        status={d.status}
        subtitle={`${channelLabels[d.channel]} delivery`}
        actions={isStoppable(d.status) ? <StopDeliveryButton stop={stopOwnDeliveryAction.bind(null, entity.internalName, d.id)} sending={d.status === "in_progress"} /> : null}
      />
      <div className="space-y-6">
        <RejectionNotice page={page} />
        <Card className="space-y-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 className="text-sm font-semibold text-slate-900">Message</h2>
            {!contentEditable ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">Set by the central team</span> : null}
          </div>
          <DeliveryContentForm
            initial={{ entity: entity.internalName, deliveryId: d.id, subject: d.subject, body: d.body }}
            sample={sample}
            editable={editable}
            save={updateOwnDeliveryContentAction}
          />
        </Card>
        <Card className="space-y-4">
          <h2 className="text-sm font-semibold text-slate-900">Approvals</h2>
          <StockWarning deliveryId={d.id} />
          <ApprovalsPanel page={page} />
          {d.status === "being_edited" ? <SubmitDeliveryButton submit={submitOwnDeliveryAction.bind(null, entity.internalName, d.id)} needsApproval={d.approvalKinds.length > 0} /> : null}
        </Card>
        {d.channel === "email" ? (
          <Card className="space-y-3">
            <h2 className="text-sm font-semibold text-slate-900">Send proof</h2>
            <ProofForm defaultRecipient={actor.email} send={sendOwnDeliveryProofAction.bind(null, entity.internalName, d.id)} />
          </Card>
        ) : null}
        <Card className="space-y-4">
          <h2 className="text-sm font-semibold text-slate-900">Delivery report</h2>
          <DeliveryReportView report={report} perEntity={false} />
        </Card>
      </div>
    </>
  );
}

function Header(props: { back: { href: string; label: string }; title: string; status: keyof typeof deliveryStatusLabels; subtitle: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <Link href={props.back.href} className="text-sm text-blue-700 hover:underline">
          {props.back.label}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold text-slate-900">{props.title}</h1>
          <Badge tone={deliveryStatusTones[props.status]}>{deliveryStatusLabels[props.status]}</Badge>
        </div>
        <p className="mt-1 text-sm text-slate-600">{props.subtitle}</p>
      </div>
      {props.actions}
    </div>
  );
}
