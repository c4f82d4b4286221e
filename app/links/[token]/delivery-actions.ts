"use server";

import { invoke } from "@/lib/actions-server";
import { reviewDeliveryFromLinkDef } from "@/lib/deliveries/actions";
import type { LinkDecisionsInput } from "@/lib/deliveries/schemas";

/** Accept or reject from the [Delivery approval] email; the link's token is bound by the page. */
export async function reviewDeliveryFromLinkAction(token: string, input: LinkDecisionsInput) {
  return invoke(reviewDeliveryFromLinkDef, { ...input, token });
}
