"use server";

import { revalidatePath } from "next/cache";
import { invoke } from "@/lib/actions-server";
import { addStockOrderDef, createStockLineDef, removeStockOrderDef, updateStockLineDef } from "@/lib/stock/actions";
import type { StockLineInput, StockOrderInput } from "@/lib/stock/schemas";

export async function createStockLineAction(input: StockLineInput) {
  const res = await invoke(createStockLineDef, input);
  if (res.ok) revalidatePath("/admin/stock", "layout");
  return res;
}

export async function updateStockLineAction(input: StockLineInput & { id: string }) {
  const res = await invoke(updateStockLineDef, input);
  if (res.ok) revalidatePath("/admin/stock", "layout");
  return res;
}

export async function addStockOrderAction(input: StockOrderInput) {
  const res = await invoke(addStockOrderDef, input);
  if (res.ok) revalidatePath("/admin/stock", "layout");
  return res;
}

export async function removeStockOrderAction(stockOrderId: string) {
  const res = await invoke(removeStockOrderDef, { stockOrderId });
  if (res.ok) revalidatePath("/admin/stock", "layout");
  return res;
}
