import type { actionTokens } from "@/db/schema";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { centralScope, loadDelivery, mayReviewDelivery } from "@/lib/deliveries/access";
import { approvalKindLabels, deliveryStatusLabels } from "@/lib/deliveries/labels";
import { pendingApprovalKinds } from "@/lib/deliveries/review";
import { AppError } from "@/lib/errors";
import { reviewDeliveryFromLinkAction } from "./delivery-actions";
import { DeliveryReviewForm } from "./delivery-review-form";
import { Frame, InvalidLink } from "./link-frame";

type TokenRow = typeof actionTokens.$inferSelect;

/**
 * **Accept or reject** from the [Delivery approval] email (§7), for the central reviewer the link
 * was made for. Opening the page spends nothing; the answer does.
 */
export async function DeliveryReviewLink({ token, row, actor }: { token: string; row: TokenRow; actor: Actor }) {
  if (actor.userId !== row.userId || actor.role !== "central" || !row.subjectId) return <Frame><InvalidLink reason="foreign" about="delivery" /></Frame>;
  const db = getDb();
  const found = await loadDelivery(db, row.subjectId, centralScope).catch((err: unknown) => {
    if (err instanceof AppError) return null;
    throw err;
  });
  if (!found) return <Frame><InvalidLink reason="unknown" /></Frame>;
  const { delivery: d, campaign } = found;
  const [mayReview, kinds] = await Promise.all([mayReviewDelivery(db, actor, d.reviewerIds), pendingApprovalKinds(db, d.id)]);
  const after = { href: `/admin/campaigns/${campaign.id}/deliveries/${d.id}`, label: "Open the delivery" };
  return (
    <Frame>
      <h1 className="text-xl font-semibold text-slate-900">Delivery approval</h1>
      <dl className="mt-3 mb-5 grid grid-cols-[110px_1fr] gap-y-1 text-sm">
        <dt className="text-slate-500">Delivery</dt>
        <dd className="font-medium">{d.label}</dd>
        <dt className="text-slate-500">Campaign</dt>
        <dd>{campaign.label}</dd>
        <dt className="text-slate-500">Status</dt>
        <dd>{deliveryStatusLabels[d.status]}</dd>
        {kinds.length ? (
          <>
            <dt className="text-slate-500">To approve</dt>
            <dd>{kinds.map((k) => approvalKindLabels[k]).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {!kinds.length ? (
        <p role="status" className="text-sm text-slate-600">
          This delivery no longer waits for your answer: it is {deliveryStatusLabels[d.status].toLowerCase()}. Nothing was changed.
        </p>
      ) : !mayReview ? (
        <p role="status" className="text-sm text-slate-600">
          You are no longer one of this delivery&apos;s reviewers. Nothing was changed.
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm">
            <a href={after.href} className="font-medium text-blue-700 hover:underline" target="_blank" rel="noreferrer">
              Read the message and the target first
            </a>
          </p>
          <DeliveryReviewForm kinds={kinds} after={after} action={reviewDeliveryFromLinkAction.bind(null, token)} />
        </>
      )}
    </Frame>
  );
}
