import type { ActionDef } from "@/lib/actions";

// Stock lines and stock orders (§9): central operators only.

export const stockActionDefs: ActionDef<never, unknown>[] = [];
