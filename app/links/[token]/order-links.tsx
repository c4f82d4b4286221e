import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { orders, type actionTokens } from "@/db/schema";
import { getCurrentActor } from "@/lib/auth/session";
import { getEntityOrder } from "@/lib/orders/entity-queries";
import { mayReviewOrders } from "@/lib/orders/reviewers";
import { Frame, InvalidLink } from "./link-frame";
import { OrderReviewLink } from "./order-review-link";
import { SubscriptionRejectLink } from "./subscription-reject-link";

type TokenRow = typeof actionTokens.$inferSelect;
const orderPurposes = ["order_review", "order_parameters", "subscription_reject", "order_change"] as const;
type OrderPurpose = (typeof orderPurposes)[number];

export function isOrderLink(row: TokenRow): row is TokenRow & { purpose: OrderPurpose } {
  return (orderPurposes as readonly string[]).includes(row.purpose);
}

/**
 * The order links of §5, each for one person: sign in first, then the link does only what it
 * names. Nothing here spends the token; the actions behind the buttons do.
 */
export async function OrderLink({ token, row }: { token: string; row: TokenRow & { purpose: OrderPurpose } }) {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/links/${token}`)}`);
  const orderId = row.subjectId;
  if (!orderId) return <Frame><InvalidLink reason="unknown" /></Frame>;
  const foreign = <Frame><InvalidLink reason="foreign" about="order" /></Frame>;
  if (actor.userId !== row.userId) return foreign;
  const db = getDb();
  // The entity links name the entity; the person must still belong to it.
  const member = actor.memberships.find((m) => m.id === row.entityId);

  switch (row.purpose) {
    case "order_review": {
      // The order's own entity decides who reviews it, whatever the link says.
      const owner = await db.query.orders.findFirst({ where: eq(orders.id, orderId), columns: { entityId: true } });
      const found = owner ? await getEntityOrder(db, owner.entityId, orderId) : null;
      if (!found) return <Frame><InvalidLink reason="unknown" /></Frame>;
      const mayReview = await mayReviewOrders(db, actor, found.entity.id);
      return <OrderReviewLink token={token} actor={actor} found={found} mayReview={mayReview} />;
    }
    case "order_parameters":
      if (actor.role === "central") redirect(`/admin/orders/${orderId}`);
      if (member) redirect(`/portal/${member.internalName}/orders/${orderId}`);
      return foreign;
    case "subscription_reject": {
      if (!member) return foreign;
      const found = await getEntityOrder(db, member.id, orderId);
      if (!found) return <Frame><InvalidLink reason="unknown" /></Frame>;
      return <SubscriptionRejectLink token={token} entity={member} found={found} />;
    }
    case "order_change": {
      if (!member) return foreign;
      const found = await db.query.orders.findFirst({ where: eq(orders.id, orderId), columns: { entityId: true } });
      if (found?.entityId !== member.id) return <Frame><InvalidLink reason="unknown" /></Frame>;
      redirect(`/portal/${member.internalName}/orders/${orderId}/edit`);
    }
  }
}
