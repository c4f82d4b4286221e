"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { approveTargetingDef, setTargetChecksDef } from "@/lib/execution/actions";

export async function setTargetChecksAction(input: { entity: string; taskId: string; contactIds: string[] | "all"; checked: boolean }) {
  const res = await invoke(setTargetChecksDef, input);
  if (res.ok) revalidatePath(`/portal/${input.entity}/approvals/${input.taskId}`);
  return res;
}

export async function approveTargetingAction(input: { entity: string; taskId: string; comment: string }) {
  const res = await invoke(approveTargetingDef, input);
  if (res.ok) revalidatePath(`/portal/${input.entity}/approvals`);
  return res;
}
