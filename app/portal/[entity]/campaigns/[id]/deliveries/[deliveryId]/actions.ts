"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { sendOwnDeliveryProofDef, stopOwnDeliveryDef, submitOwnDeliveryDef, updateOwnDeliveryContentDef } from "@/lib/deliveries/actions";
import type { DeliveryContentInput } from "@/lib/deliveries/schemas";

export async function updateOwnDeliveryContentAction(input: DeliveryContentInput) {
  const res = await invoke(updateOwnDeliveryContentDef, input);
  if (res.ok) revalidatePath(`/portal/${input.entity}/campaigns`, "layout");
  return res;
}

/** The entity and the delivery are bound by the page. */
export async function stopOwnDeliveryAction(entity: string, deliveryId: string) {
  const res = await invoke(stopOwnDeliveryDef, { entity, deliveryId });
  if (res.ok) revalidatePath(`/portal/${entity}/campaigns`, "layout");
  return res;
}

export async function sendOwnDeliveryProofAction(entity: string, deliveryId: string, input: { recipients: string | string[] }) {
  return invoke(sendOwnDeliveryProofDef, { ...input, entity, deliveryId });
}

export async function submitOwnDeliveryAction(entity: string, deliveryId: string) {
  const res = await invoke(submitOwnDeliveryDef, { entity, deliveryId });
  if (res.ok) revalidatePath(`/portal/${entity}/campaigns`, "layout");
  return res;
}
