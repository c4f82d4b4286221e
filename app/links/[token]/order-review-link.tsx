import { OrderReviewPanel } from "@/components/orders/order-review-panel";
import type { Actor } from "@/lib/auth/actor";
import type { EntityOrder } from "@/lib/orders/entity-queries";
import { orderStatusLabels } from "@/lib/orders/labels";
import { reviewOrderFromLinkAction } from "./actions";
import { Frame } from "./link-frame";
import { OrderSummary } from "./order-summary";

/** **Accept or reject** from the [Approval of order] email, for the reviewer the link was made for. */
export function OrderReviewLink(props: { token: string; actor: Actor; found: EntityOrder; mayReview: boolean }) {
  const { found, actor } = props;
  const o = found.order;
  // Where the reviewer reads the order afterwards: the admin area, or the entity's portal for its members.
  const member = actor.memberships.find((m) => m.id === found.entity.id);
  const href = actor.role === "central" ? `/admin/orders/${o.id}` : member ? `/portal/${member.internalName}/orders/${o.id}` : null;
  const after = href ? { href, label: "Open the order" } : undefined;
  return (
    <Frame>
      <h1 className="text-xl font-semibold text-slate-900">Approval of order</h1>
      {/* Someone no longer among the reviewers reads nothing of the order through an old link. */}
      {props.mayReview ? <OrderSummary found={found} /> : null}
      {o.status !== "ordered" ? (
        <p role="status" className="text-sm text-slate-600">
          This order no longer waits for approval: it is {orderStatusLabels[o.status].toLowerCase()}. Nothing was changed.
        </p>
      ) : !props.mayReview ? (
        <p role="status" className="text-sm text-slate-600">
          You are no longer one of the order reviewers of {found.entity.label}. Nothing was changed.
        </p>
      ) : (
        <OrderReviewPanel action={reviewOrderFromLinkAction.bind(null, props.token, o.updatedAt.toISOString())} refresh={false} after={after} />
      )}
    </Frame>
  );
}
