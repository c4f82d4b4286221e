"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { updatePlanDef, updateProgramDef } from "@/lib/campaigns/actions";
import type { PlanInput, ProgramInput } from "@/lib/campaigns/schemas";

export async function updatePlanAction(input: PlanInput & { id: string }) {
  const res = await invoke(updatePlanDef, input);
  if (res.ok) revalidatePath("/admin/campaigns/plans");
  return res;
}

export async function updateProgramAction(input: ProgramInput & { id: string }) {
  const res = await invoke(updateProgramDef, input);
  if (res.ok) revalidatePath("/admin/campaigns/plans");
  return res;
}
