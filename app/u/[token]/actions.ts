"use server";

import { invoke } from "@/lib/actions-server";
import { unsubscribeFromLinkDef } from "@/lib/execution/actions";

export async function unsubscribeFromLinkAction(input: { token: string }) {
  return invoke(unsubscribeFromLinkDef, input);
}
