"use server";

import { invoke } from "@/lib/actions-server";
import { approveDeliveryFileDef, finishProviderDeliveryDef } from "@/lib/providers/actions";
import type { FinishProviderDeliveryInput } from "@/lib/providers/schemas";

// The direct-mail panel's actions (components/deliveries/direct-mail-panel.tsx). The panel sits on
// pages this file cannot name, so it refreshes itself (router.refresh) instead of revalidatePath.

export async function approveDeliveryFileAction(deliveryId: string) {
  return invoke(approveDeliveryFileDef, { deliveryId });
}

export async function finishProviderDeliveryAction(input: FinishProviderDeliveryInput) {
  return invoke(finishProviderDeliveryDef, input);
}
