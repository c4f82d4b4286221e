"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { createDistributionDef, updateDistributionDef } from "@/lib/distributions/actions";
import type { DistributionInput } from "@/lib/distributions/schemas";

export async function createDistributionAction(input: DistributionInput) {
  const res = await invoke(createDistributionDef, input);
  if (res.ok) revalidatePath("/admin/data-distributions");
  return res;
}

export async function updateDistributionAction(input: DistributionInput & { id: string }) {
  const res = await invoke(updateDistributionDef, input);
  if (res.ok) revalidatePath("/admin/data-distributions");
  return res;
}
