"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { placeOrderDef } from "@/lib/orders/actions";
import { fromOrderFormData } from "@/lib/orders/form-data";

// Orders carry files, so Validate sends FormData; the same zod schema as the wizard checks it.
export async function placeOrderAction(form: FormData) {
  const input = fromOrderFormData(form);
  const res = await invoke(placeOrderDef, input);
  if (res.ok && typeof input.entity === "string") {
    revalidatePath(`/portal/${input.entity}/orders`);
    revalidatePath(`/portal/${input.entity}/catalog`, "layout");
  }
  return res;
}
