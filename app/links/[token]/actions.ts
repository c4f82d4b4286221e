"use server";

import { acceptInvitationDef } from "@/lib/auth/actions";
import { reviewPackageFromLinkDef } from "@/lib/packages/actions";
import type { NewPasswordInput } from "@/lib/auth/schemas";
import { invoke } from "@/lib/actions-server";

export async function acceptInvitationAction(input: NewPasswordInput) {
  return invoke(acceptInvitationDef, input);
}

export async function reviewPackageFromLinkAction(input: { token: string; decision: "accept" | "reject"; comment?: string }) {
  return invoke(reviewPackageFromLinkDef, input);
}
