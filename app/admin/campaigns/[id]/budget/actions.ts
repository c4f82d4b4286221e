"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import {
  removeCampaignTaskDef,
  removeExpenseLineDef,
  removeInvoiceDef,
  saveCampaignTaskDef,
  saveExpenseLineDef,
  saveInvoiceDef,
  updateCampaignBudgetDef,
  updateDeliveryCostsDef,
} from "@/lib/budgets/campaign-budget-actions";
import type { CampaignBudgetInput, CampaignTaskInput, DeliveryCostsInput, ExpenseLineInput, InvoiceInput } from "@/lib/budgets/campaign-budget-schemas";

const PAGE = "/admin/campaigns/[id]/budget";

export async function updateCampaignBudgetAction(input: CampaignBudgetInput) {
  const res = await invoke(updateCampaignBudgetDef, input);
  if (res.ok) revalidatePath(PAGE, "page");
  return res;
}

export async function updateDeliveryCostsAction(input: DeliveryCostsInput) {
  const res = await invoke(updateDeliveryCostsDef, input);
  if (res.ok) revalidatePath(PAGE, "page");
  return res;
}

export async function saveCampaignTaskAction(input: CampaignTaskInput) {
  const res = await invoke(saveCampaignTaskDef, input);
  if (res.ok) revalidatePath(PAGE, "page");
  return res;
}

export async function removeCampaignTaskAction(input: { campaignId: string; taskId: string }) {
  const res = await invoke(removeCampaignTaskDef, input);
  if (res.ok) revalidatePath(PAGE, "page");
  return res;
}

export async function saveExpenseLineAction(input: ExpenseLineInput) {
  const res = await invoke(saveExpenseLineDef, input);
  if (res.ok) revalidatePath(PAGE, "page");
  return res;
}

export async function removeExpenseLineAction(input: { campaignId: string; lineId: string }) {
  const res = await invoke(removeExpenseLineDef, input);
  if (res.ok) revalidatePath(PAGE, "page");
  return res;
}

export async function saveInvoiceAction(input: InvoiceInput) {
  const res = await invoke(saveInvoiceDef, input);
  if (res.ok) revalidatePath(PAGE, "page");
  return res;
}

export async function removeInvoiceAction(input: { campaignId: string; invoiceId: string }) {
  const res = await invoke(removeInvoiceDef, input);
  if (res.ok) revalidatePath(PAGE, "page");
  return res;
}
