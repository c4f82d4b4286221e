"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { inviteOperatorDef } from "@/lib/operators/actions";
import type { InviteInput } from "@/lib/operators/schemas";

export async function inviteOperatorAction(input: InviteInput) {
  const res = await invoke(inviteOperatorDef, input);
  if (res.ok) revalidatePath("/admin/operators");
  return res;
}
