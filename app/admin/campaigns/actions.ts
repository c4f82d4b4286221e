"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { createCampaignDef, createPlanDef, createProgramDef, createTemplateDef, updateCampaignDef, updateTemplateDef } from "@/lib/campaigns/actions";
import type { CampaignInput, PlanInput, ProgramInput, TemplateInput } from "@/lib/campaigns/schemas";
import { requestReferenceWorkflowCommandDef } from "@/lib/workflows/actions";

export async function createPlanAction(input: PlanInput) {
  const res = await invoke(createPlanDef, input);
  if (res.ok) revalidatePath("/admin/campaigns/plans");
  return res;
}

export async function createProgramAction(input: ProgramInput) {
  const res = await invoke(createProgramDef, input);
  if (res.ok) revalidatePath("/admin/campaigns/plans");
  return res;
}

export async function createTemplateAction(input: TemplateInput) {
  const res = await invoke(createTemplateDef, input);
  if (res.ok) revalidatePath("/admin/campaigns/templates");
  return res;
}

export async function updateTemplateAction(input: TemplateInput & { id: string }) {
  const res = await invoke(updateTemplateDef, input);
  if (res.ok) revalidatePath("/admin/campaigns/templates");
  return res;
}

export async function createCampaignAction(input: CampaignInput) {
  const res = await invoke(createCampaignDef, input);
  if (res.ok) revalidatePath("/admin/campaigns");
  return res;
}

export async function updateCampaignAction(input: CampaignInput & { id: string }) {
  const res = await invoke(updateCampaignDef, input);
  if (res.ok) revalidatePath("/admin/campaigns");
  return res;
}

/** Start, Pause or Stop a reference campaign's workflow; the campaign is bound by the page. */
export async function requestReferenceWorkflowCommandAction(campaignId: string, command: "start" | "pause" | "stop") {
  const res = await invoke(requestReferenceWorkflowCommandDef, { campaignId, command });
  if (res.ok) revalidatePath(`/admin/campaigns/${campaignId}`);
  return res;
}
