"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { createBudgetDef, updateBudgetDef } from "@/lib/budgets/budget-actions";
import type { BudgetInput } from "@/lib/budgets/budget-schemas";

export async function createBudgetAction(input: BudgetInput) {
  const res = await invoke(createBudgetDef, input);
  if (res.ok) revalidatePath("/admin/budgets");
  return res;
}

export async function updateBudgetAction(input: BudgetInput & { id: string }) {
  const res = await invoke(updateBudgetDef, input);
  if (res.ok) revalidatePath("/admin/budgets");
  return res;
}
