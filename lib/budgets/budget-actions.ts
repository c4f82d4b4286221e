import { defineAction, type ActionDef } from "@/lib/actions";
import { updatePlanDef, updateProgramDef } from "@/lib/campaigns/actions";
import { budgetSchema, updateBudgetSchema } from "./budget-schemas";
import { saveBudget } from "./budgets";

// Budgets and their expense categories (§9): central operators only.

export const createBudgetDef = defineAction({
  name: "createBudget",
  access: "central",
  schema: budgetSchema,
  handler: ({ db }, input) => db.transaction((tx) => saveBudget(tx, input)),
});

export const updateBudgetDef = defineAction({
  name: "updateBudget",
  access: "central",
  schema: updateBudgetSchema,
  handler: ({ db }, { id, ...input }) => db.transaction((tx) => saveBudget(tx, input, id)),
});

// The plan and program updates live with the plans (lib/campaigns) but exist for the budget
// choice, so they are registered here.
export const budgetActionDefs = [createBudgetDef, updateBudgetDef, updatePlanDef, updateProgramDef] as unknown as ActionDef<never, unknown>[];
