"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { runTechnicalWorkflowNowDef, setTechnicalWorkflowStatusDef } from "@/lib/technical/actions";

export async function runTechnicalWorkflowNowAction(input: { workflow: string }) {
  const res = await invoke(runTechnicalWorkflowNowDef, input);
  if (res.ok) revalidatePath("/admin/technical-workflows");
  return res;
}

export async function setTechnicalWorkflowStatusAction(input: { workflow: string; status: "started" | "stopped" }) {
  const res = await invoke(setTechnicalWorkflowStatusDef, input);
  if (res.ok) revalidatePath("/admin/technical-workflows");
  return res;
}
