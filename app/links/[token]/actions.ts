"use server";

import { acceptInvitationDef } from "@/lib/auth/actions";
import type { NewPasswordInput } from "@/lib/auth/schemas";
import { invoke } from "@/lib/actions-server";

export async function acceptInvitationAction(input: NewPasswordInput) {
  return invoke(acceptInvitationDef, input);
}
