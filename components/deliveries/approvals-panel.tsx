import { Badge } from "@/components/ui/badge";
import { approvalKindLabels, approvalStatusLabels, approvalStatusTones } from "@/lib/deliveries/labels";
import type { DeliveryPage } from "@/lib/deliveries/queries";
import { formatDateTime } from "@/lib/utils";
import { ApprovalDecision, type ApprovalDecisionAction } from "./approval-decision";

/**
 * The delivery's approvals (§7): each kind with its status, deadline, who decided and their
 * comment; Accept / Reject for the reviewers while the delivery waits for approval.
 */
export function ApprovalsPanel(props: {
  page: DeliveryPage;
  /** Bound to the delivery and the kind; absent when this person may not review. */
  decide?: (kind: "target" | "content" | "budget") => ApprovalDecisionAction;
}) {
  const { delivery, approvals, reviewers } = props.page;
  const waiting = delivery.status === "to_validate";
  const named = delivery.reviewerIds.length > 0;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {delivery.approvalKinds.length
          ? `Required: ${delivery.approvalKinds.map((k) => approvalKindLabels[k]).join(", ")} · within ${delivery.approvalDays} day${delivery.approvalDays > 1 ? "s" : ""}`
          : "No approval required: submitting approves the delivery."}
        {delivery.approvalKinds.length ? ` · reviewers: ${named ? reviewers.map((r) => r.name).join(", ") : "any central operator"}` : null}
      </p>
      {approvals.length ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {approvals.map((a) => (
            <li key={a.kind} className="space-y-2 p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm font-medium text-slate-900">{approvalKindLabels[a.kind]}</span>
                <Badge tone={approvalStatusTones[a.status]}>{approvalStatusLabels[a.status]}</Badge>
              </div>
              <dl className="grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
                <dt className="text-slate-500">Deadline</dt>
                <dd>{formatDateTime(a.deadline)}</dd>
                {a.decidedAt ? (
                  <>
                    <dt className="text-slate-500">Decided by</dt>
                    <dd>
                      {a.decidedBy ?? "—"} · {formatDateTime(a.decidedAt)}
                    </dd>
                  </>
                ) : null}
                {a.comment ? (
                  <>
                    <dt className="text-slate-500">Comment</dt>
                    <dd className="whitespace-pre-line">{a.comment}</dd>
                  </>
                ) : null}
              </dl>
              {waiting && a.status === "pending" && props.decide ? <ApprovalDecision kind={a.kind} kindLabel={approvalKindLabels[a.kind]} action={props.decide(a.kind)} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
