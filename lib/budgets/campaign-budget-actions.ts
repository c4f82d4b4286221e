import { defineAction, type ActionDef } from "@/lib/actions";
import { updateCampaignBudget, updateDeliveryCosts } from "./campaign-budget";
import {
  campaignBudgetSchema,
  campaignTaskRefSchema,
  campaignTaskSchema,
  deliveryCostsSchema,
  expenseLineRefSchema,
  expenseLineSchema,
  invoiceRefSchema,
  invoiceSchema,
} from "./campaign-budget-schemas";
import { removeCampaignTask, saveCampaignTask } from "./campaign-tasks";
import { removeExpenseLine, saveExpenseLine } from "./expense-lines";
import { removeInvoice, saveInvoice } from "./invoices";

// A campaign's budget tab (§9): central operators only. Each action is one transaction that also
// asks budgetMgt to run soon, so the figures the tab reads catch up with the change.

export const updateCampaignBudgetDef = defineAction({
  name: "updateCampaignBudget",
  access: "central",
  schema: campaignBudgetSchema,
  handler: ({ db }, input) => db.transaction((tx) => updateCampaignBudget(tx, input)),
});

export const updateDeliveryCostsDef = defineAction({
  name: "updateDeliveryCosts",
  access: "central",
  schema: deliveryCostsSchema,
  handler: ({ db }, input) => db.transaction((tx) => updateDeliveryCosts(tx, input)),
});

export const saveCampaignTaskDef = defineAction({
  name: "saveCampaignTask",
  access: "central",
  schema: campaignTaskSchema,
  handler: ({ db }, input) => db.transaction((tx) => saveCampaignTask(tx, input)),
});

export const removeCampaignTaskDef = defineAction({
  name: "removeCampaignTask",
  access: "central",
  schema: campaignTaskRefSchema,
  handler: ({ db }, input) => db.transaction((tx) => removeCampaignTask(tx, input)),
});

export const saveExpenseLineDef = defineAction({
  name: "saveExpenseLine",
  access: "central",
  schema: expenseLineSchema,
  handler: ({ db }, input) => db.transaction((tx) => saveExpenseLine(tx, input)),
});

export const removeExpenseLineDef = defineAction({
  name: "removeExpenseLine",
  access: "central",
  schema: expenseLineRefSchema,
  handler: ({ db }, input) => db.transaction((tx) => removeExpenseLine(tx, input)),
});

export const saveInvoiceDef = defineAction({
  name: "saveInvoice",
  access: "central",
  schema: invoiceSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => saveInvoice(tx, actor.userId, input)),
});

export const removeInvoiceDef = defineAction({
  name: "removeInvoice",
  access: "central",
  schema: invoiceRefSchema,
  handler: ({ db }, input) => db.transaction((tx) => removeInvoice(tx, input)),
});

export const campaignBudgetActionDefs: ActionDef<never, unknown>[] = [
  updateCampaignBudgetDef,
  updateDeliveryCostsDef,
  saveCampaignTaskDef,
  removeCampaignTaskDef,
  saveExpenseLineDef,
  removeExpenseLineDef,
  saveInvoiceDef,
  removeInvoiceDef,
] as unknown as ActionDef<never, unknown>[];
