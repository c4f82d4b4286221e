"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { createEntity, importEntitiesAction as importDef, updateEntity } from "@/lib/entities/actions";
import type { EntityFormInput } from "@/lib/entities/schemas";

export async function createEntityAction(input: EntityFormInput) {
  const res = await invoke(createEntity, input);
  if (res.ok) revalidatePath("/admin/entities");
  return res;
}

export async function updateEntityAction(input: EntityFormInput & { id: string }) {
  const res = await invoke(updateEntity, input);
  if (res.ok) revalidatePath("/admin/entities");
  return res;
}

export async function importEntitiesAction(input: { rows: Record<string, string>[] }) {
  const res = await invoke(importDef, input);
  if (res.ok) revalidatePath("/admin/entities");
  return res;
}
