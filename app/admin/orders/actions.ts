"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { deleteOrderDef, editOrderGeneralDef, reviewOrderDef } from "@/lib/orders/actions";
import type { OrderGeneralInput } from "@/lib/orders/schemas";

export async function editOrderGeneralAction(input: OrderGeneralInput) {
  const res = await invoke(editOrderGeneralDef, input);
  if (res.ok) revalidatePath(`/admin/orders/${input.orderId}`);
  return res;
}

export async function deleteOrderAction(input: { orderId: string; comment: string }) {
  const res = await invoke(deleteOrderDef, input);
  if (res.ok) revalidatePath("/admin/orders");
  return res;
}

/** Accept or reject, for a central operator; the order id is bound by the page. */
export async function reviewOrderAction(orderId: string, seen: string, input: { decision: "accept" | "reject"; comment: string }) {
  const res = await invoke(reviewOrderDef, { ...input, orderId, seen });
  if (res.ok) {
    revalidatePath(`/admin/orders/${orderId}`);
    revalidatePath("/admin/orders");
  }
  return res;
}
