"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { invoke } from "@/lib/actions-server";
import { cancelOwnOrderDef, evaluateOrderTargetDef, previewOrderDef, reviewOrderDef } from "@/lib/orders/actions";
import type { evaluateOrderSchema, previewOrderSchema } from "@/lib/orders/schemas";

/** **Cancel the order** (manual mode, before approval) or **Reject the subscription** (automatic mode). */
export async function cancelOwnOrderAction(input: { entity: string; orderId: string; comment: string }) {
  const res = await invoke(cancelOwnOrderDef, input);
  if (res.ok) revalidatePath("/portal/[entity]/orders", "layout");
  return res;
}

/** Accept or reject, for a member of the entity's order reviewers group; the order id is bound by the page. */
export async function reviewOrderAction(orderId: string, seen: string, input: { decision: "accept" | "reject"; comment: string }) {
  const res = await invoke(reviewOrderDef, { ...input, orderId, seen });
  if (res.ok) revalidatePath("/portal/[entity]/orders", "layout");
  return res;
}

/** **Evaluate target**, for the order wizard and the order edit page alike. */
export async function evaluateOrderTargetAction(input: z.input<typeof evaluateOrderSchema>) {
  return invoke(evaluateOrderTargetDef, input);
}

/** **Preview**, for the order wizard and the order edit page alike. */
export async function previewOrderAction(input: z.input<typeof previewOrderSchema>) {
  return invoke(previewOrderDef, input);
}
