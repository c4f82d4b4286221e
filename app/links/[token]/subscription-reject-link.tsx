import Link from "next/link";
import type { Membership } from "@/lib/auth/actor";
import { entityMayChange } from "@/lib/orders/entity-changes";
import type { EntityOrder } from "@/lib/orders/entity-queries";
import { orderStatusLabels } from "@/lib/orders/labels";
import { Frame } from "./link-frame";
import { OrderSummary } from "./order-summary";
import { SubscriptionRejectButton } from "./subscription-reject-button";

/** **Reject the subscription** from the "You have been subscribed to the campaign." email. */
export function SubscriptionRejectLink(props: { token: string; entity: Membership; found: EntityOrder }) {
  const o = props.found.order;
  const orderHref = `/portal/${props.entity.internalName}/orders/${o.id}`;
  return (
    <Frame>
      <h1 className="text-xl font-semibold text-slate-900">Reject the subscription</h1>
      <p className="mt-2 text-sm text-slate-600">
        {props.entity.label} was subscribed to this campaign. Rejecting the subscription cancels the order.
      </p>
      <OrderSummary found={props.found} />
      {entityMayChange(o, props.found.pkg) ? (
        <SubscriptionRejectButton token={props.token} />
      ) : (
        <div role="status" className="space-y-3 text-sm text-slate-600">
          <p>This subscription can no longer be rejected here: the order is {orderStatusLabels[o.status].toLowerCase()}. Nothing was changed.</p>
          <Link href={orderHref} className="inline-block font-medium text-blue-700 hover:underline">
            Open the order
          </Link>
        </div>
      )}
    </Frame>
  );
}
