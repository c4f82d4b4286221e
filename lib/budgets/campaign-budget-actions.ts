import type { ActionDef } from "@/lib/actions";

// A campaign's budget tab (§9): central operators only.

export const campaignBudgetActionDefs: ActionDef<never, unknown>[] = [];
