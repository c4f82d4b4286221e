"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { editOwnOrderDef } from "@/lib/orders/actions";
import { fromOrderFormData } from "@/lib/orders/form-data";

// Orders carry files, so Save sends FormData; the same zod schema as the form checks it.
export async function editOwnOrderAction(form: FormData) {
  const input = fromOrderFormData(form);
  const res = await invoke(editOwnOrderDef, input);
  if (res.ok && typeof input.entity === "string") revalidatePath(`/portal/${input.entity}/orders`, "layout");
  return res;
}
