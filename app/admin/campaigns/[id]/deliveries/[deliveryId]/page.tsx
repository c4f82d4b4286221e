import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { ApprovalsPanel } from "@/components/deliveries/approvals-panel";
import { DeliveryReportView } from "@/components/deliveries/delivery-report";
import { DirectMailPanel } from "@/components/deliveries/direct-mail-panel";
import { DeliverySettingsForm } from "@/components/deliveries/delivery-settings-form";
import { ProofForm } from "@/components/deliveries/proof-form";
import { RejectionNotice } from "@/components/deliveries/rejection-notice";
import { StockWarning } from "@/components/stock/stock-warning";
import { StopDeliveryButton } from "@/components/deliveries/stop-button";
import { SubmitDeliveryButton } from "@/components/deliveries/submit-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { centralScope, mayReviewDelivery } from "@/lib/deliveries/access";
import { channelLabels, deliveryStatusLabels, deliveryStatusTones, isStoppable } from "@/lib/deliveries/labels";
import { getDeliveryPage, reviewerOptions } from "@/lib/deliveries/queries";
import { deliveryReport } from "@/lib/deliveries/report";
import { pageCentral } from "@/lib/pages";
import { reviewDeliveryApprovalAction, sendDeliveryProofAction, stopDeliveryAction, submitDeliveryAction, updateDeliveryAction } from "./actions";

export const metadata: Metadata = { title: "Delivery" };

export default async function AdminDeliveryPage({ params }: { params: Promise<{ id: string; deliveryId: string }> }) {
  const { id, deliveryId } = await params;
  const actor = await pageCentral(`/admin/campaigns/${id}/deliveries/${deliveryId}`);
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(deliveryId).success) notFound();
  const db = getDb();
  const page = await getDeliveryPage(db, id, deliveryId, centralScope);
  if (!page) notFound();
  const { delivery: d, campaign, sample } = page;
  const [report, reviewers, mayReview] = await Promise.all([deliveryReport(db, d.id), reviewerOptions(db), mayReviewDelivery(db, actor, d.reviewerIds)]);
  const editable = d.status === "being_edited";
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/admin/campaigns/${campaign.id}`} className="text-sm text-blue-700 hover:underline">
            {campaign.label}
          </Link>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold text-slate-900">{d.label}</h1>
            <Badge tone={deliveryStatusTones[d.status]}>{deliveryStatusLabels[d.status]}</Badge>
          </div>
          <p className="mt-1 text-sm text-slate-600">{channelLabels[d.channel]} delivery</p>
        </div>
        {isStoppable(d.status) ? <StopDeliveryButton stop={stopDeliveryAction.bind(null, d.id)} sending={d.status === "in_progress"} /> : null}
      </div>
      <div className="space-y-6">
        <RejectionNotice page={page} />
        <Card className="space-y-4">
          <h2 className="text-sm font-semibold text-slate-900">Content and approvals</h2>
          <DeliverySettingsForm
            initial={{
              deliveryId: d.id,
              subject: d.subject,
              body: d.body,
              approvalKinds: d.approvalKinds,
              reviewerIds: d.reviewerIds,
              approvalDays: d.approvalDays,
              reminderHours: d.reminderHours,
              scheduledAt: d.scheduledAt ? d.scheduledAt.toISOString().slice(0, 16) : "",
              ratePerSecond: d.ratePerSecond,
            }}
            sample={sample}
            reviewers={reviewers}
            editable={editable}
            save={updateDeliveryAction}
          />
        </Card>
        <Card className="space-y-4">
          <h2 className="text-sm font-semibold text-slate-900">Approvals</h2>
          <StockWarning deliveryId={d.id} linkToLine />
          <ApprovalsPanel page={page} decide={mayReview ? (kind) => reviewDeliveryApprovalAction.bind(null, d.id, kind) : undefined} />
          {editable ? <SubmitDeliveryButton submit={submitDeliveryAction.bind(null, d.id)} needsApproval={d.approvalKinds.length > 0} /> : null}
        </Card>
        {d.channel === "email" ? (
          <Card className="space-y-3">
            <h2 className="text-sm font-semibold text-slate-900">Send proof</h2>
            <ProofForm defaultRecipient={actor.email} send={sendDeliveryProofAction.bind(null, d.id)} />
          </Card>
        ) : (
          <Card className="space-y-3">
            <h2 className="text-sm font-semibold text-slate-900">Direct mail</h2>
            <DirectMailPanel deliveryId={d.id} />
          </Card>
        )}
        <Card className="space-y-4">
          <h2 className="text-sm font-semibold text-slate-900">Delivery report</h2>
          <DeliveryReportView report={report} />
        </Card>
      </div>
    </>
  );
}
