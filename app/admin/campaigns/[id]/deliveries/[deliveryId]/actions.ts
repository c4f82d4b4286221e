"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { reviewDeliveryApprovalDef, sendDeliveryProofDef, stopDeliveryDef, submitDeliveryDef, updateDeliveryDef } from "@/lib/deliveries/actions";
import type { ApprovalKind, DeliverySettingsInput } from "@/lib/deliveries/schemas";

const PAGE = "/admin/campaigns/[id]/deliveries/[deliveryId]";

export async function updateDeliveryAction(input: DeliverySettingsInput) {
  const res = await invoke(updateDeliveryDef, input);
  if (res.ok) revalidatePath(PAGE, "page");
  return res;
}

/** The delivery (and the kind) are bound by the page. */
export async function submitDeliveryAction(deliveryId: string) {
  const res = await invoke(submitDeliveryDef, { deliveryId });
  if (res.ok) revalidatePath("/admin/campaigns/[id]", "layout");
  return res;
}

export async function reviewDeliveryApprovalAction(deliveryId: string, kind: ApprovalKind, input: { decision: "accept" | "reject"; comment: string }) {
  const res = await invoke(reviewDeliveryApprovalDef, { ...input, deliveryId, kind });
  if (res.ok) revalidatePath("/admin/campaigns/[id]", "layout");
  return res;
}

export async function stopDeliveryAction(deliveryId: string) {
  const res = await invoke(stopDeliveryDef, { deliveryId });
  if (res.ok) revalidatePath("/admin/campaigns/[id]", "layout");
  return res;
}

export async function sendDeliveryProofAction(deliveryId: string, input: { recipients: string | string[] }) {
  return invoke(sendDeliveryProofDef, { ...input, deliveryId });
}
