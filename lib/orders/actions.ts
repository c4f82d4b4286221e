import { defineAction } from "@/lib/actions";
import { deleteOrder, editOrderGeneral } from "./central";
import { deleteOrderSchema, orderGeneralSchema } from "./schemas";

export const editOrderGeneralDef = defineAction({
  name: "editOrderGeneral",
  access: "central",
  schema: orderGeneralSchema,
  handler: ({ db }, input) => db.transaction((tx) => editOrderGeneral(tx, input)),
});

export const deleteOrderDef = defineAction({
  name: "deleteOrder",
  access: "central",
  schema: deleteOrderSchema,
  handler: ({ db }, input) => db.transaction((tx) => deleteOrder(tx, input)),
});
