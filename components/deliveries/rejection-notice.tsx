import { approvalKindLabels } from "@/lib/deliveries/labels";
import type { DeliveryPage } from "@/lib/deliveries/queries";
import { formatDateTime } from "@/lib/utils";

/** Back in Being edited after a rejection: what the reviewer said, until the next submit. */
export function RejectionNotice({ page }: { page: DeliveryPage }) {
  if (page.delivery.status !== "being_edited") return null;
  const rejected = page.approvals.filter((a) => a.status === "rejected");
  if (!rejected.length) return null;
  return (
    <div role="status" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      {rejected.map((a) => (
        <div key={a.kind}>
          <p className="font-semibold">
            {approvalKindLabels[a.kind]} rejected{a.decidedBy ? ` by ${a.decidedBy}` : ""} on {formatDateTime(a.decidedAt)}
          </p>
          <p className="mt-1 whitespace-pre-line">{a.comment}</p>
        </div>
      ))}
      <p className="mt-2 text-red-800">Change the delivery, then submit it for approval again.</p>
    </div>
  );
}
