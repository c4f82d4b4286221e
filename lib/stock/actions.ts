import { defineAction, type ActionDef } from "@/lib/actions";
import { removeStockOrderSchema, stockLineSchema, stockOrderSchema, updateStockLineSchema } from "./schemas";
import { addStockOrder, createStockLine, removeStockOrder, updateStockLine } from "./stock";

// Stock lines and stock orders (§9): central operators only.

export const createStockLineDef = defineAction({
  name: "createStockLine",
  access: "central",
  schema: stockLineSchema,
  handler: ({ db }, input) => db.transaction((tx) => createStockLine(tx, input)),
});

export const updateStockLineDef = defineAction({
  name: "updateStockLine",
  access: "central",
  schema: updateStockLineSchema,
  handler: ({ db }, { id, ...input }) => db.transaction((tx) => updateStockLine(tx, id, input)),
});

export const addStockOrderDef = defineAction({
  name: "addStockOrder",
  access: "central",
  schema: stockOrderSchema,
  handler: ({ db }, input) => db.transaction((tx) => addStockOrder(tx, input)),
});

export const removeStockOrderDef = defineAction({
  name: "removeStockOrder",
  access: "central",
  schema: removeStockOrderSchema,
  handler: ({ db }, input) => db.transaction((tx) => removeStockOrder(tx, input.stockOrderId)),
});

export const stockActionDefs = [createStockLineDef, updateStockLineDef, addStockOrderDef, removeStockOrderDef] as unknown as ActionDef<never, unknown>[];
