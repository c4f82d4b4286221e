import type { ActionDef } from "@/lib/actions";

// Budgets and their expense categories (§9): central operators only.

export const budgetActionDefs: ActionDef<never, unknown>[] = [];
