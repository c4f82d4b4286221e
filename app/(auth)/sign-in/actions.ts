"use server";

import { requestSignInLinkDef } from "@/lib/auth/actions";
import type { SignInLinkInput } from "@/lib/auth/schemas";
import { invoke } from "@/lib/actions-server";

export async function requestSignInLinkAction(input: SignInLinkInput) {
  return invoke(requestSignInLinkDef, input);
}
