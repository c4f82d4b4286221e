"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { evaluateCampaignTargetDef, updateLocalCampaignDef } from "@/lib/campaigns/actions";
import type { LocalCampaignInput } from "@/lib/campaigns/local-schemas";
import { requestWorkflowCommandDef } from "@/lib/workflows/actions";

export async function updateLocalCampaignAction(input: LocalCampaignInput) {
  const res = await invoke(updateLocalCampaignDef, input);
  if (res.ok) revalidatePath(`/portal/${input.entity}/campaigns`, "layout");
  return res;
}

export async function evaluateCampaignTargetAction(input: { entity: string; campaignId: string }) {
  return invoke(evaluateCampaignTargetDef, input);
}

/** Start, Pause or Stop; the entity and campaign are bound by the page. */
export async function requestWorkflowCommandAction(entity: string, campaignId: string, command: "start" | "pause" | "stop") {
  const res = await invoke(requestWorkflowCommandDef, { entity, campaignId, command });
  if (res.ok) revalidatePath(`/portal/${entity}/campaigns`, "layout");
  return res;
}
