"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { createProviderDef, updateProviderDef } from "@/lib/providers/actions";
import type { ProviderInput } from "@/lib/providers/schemas";

export async function createProviderAction(input: ProviderInput) {
  const res = await invoke(createProviderDef, input);
  if (res.ok) revalidatePath("/admin/providers");
  return res;
}

export async function updateProviderAction(input: ProviderInput & { id: string }) {
  const res = await invoke(updateProviderDef, input);
  if (res.ok) revalidatePath("/admin/providers");
  return res;
}
