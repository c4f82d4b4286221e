"use server";

import { acceptInvitationDef } from "@/lib/auth/actions";
import { rejectSubscriptionFromLinkDef, reviewOrderFromLinkDef } from "@/lib/orders/actions";
import { reviewPackageFromLinkDef } from "@/lib/packages/actions";
import type { NewPasswordInput } from "@/lib/auth/schemas";
import { invoke } from "@/lib/actions-server";

export async function acceptInvitationAction(input: NewPasswordInput) {
  return invoke(acceptInvitationDef, input);
}

export async function reviewPackageFromLinkAction(input: { token: string; decision: "accept" | "reject"; comment?: string }) {
  return invoke(reviewPackageFromLinkDef, input);
}

/** Accept or reject from the [Approval of order] email; the link's token is bound by the page. */
export async function reviewOrderFromLinkAction(token: string, seen: string, input: { decision: "accept" | "reject"; comment: string }) {
  return invoke(reviewOrderFromLinkDef, { ...input, token, seen });
}

export async function rejectSubscriptionFromLinkAction(input: { token: string }) {
  return invoke(rejectSubscriptionFromLinkDef, input);
}
