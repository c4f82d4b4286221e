import { defineAction } from "@/lib/actions";
import { deleteOrder, editOrderGeneral } from "./central";
import { cancelOwnOrder, editOwnOrder, rejectSubscriptionFromLink } from "./entity-changes";
import { placeOrder } from "./place";
import { reviewOrder, reviewOrderFromLink } from "./review";
import {
  cancelOwnOrderSchema,
  deleteOrderSchema,
  editOrderSchema,
  evaluateOrderSchema,
  orderGeneralSchema,
  placeOrderSchema,
  previewOrderSchema,
  rejectSubscriptionFromLinkSchema,
  reviewOrderFromLinkSchema,
  reviewOrderSchema,
} from "./schemas";
import { evaluateOrderTarget, previewOrder } from "./target";

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
  handler: ({ db, actor }, input) => db.transaction((tx) => deleteOrder(tx, actor, input)),
});

export const placeOrderDef = defineAction({
  name: "placeOrder",
  access: "entity",
  schema: placeOrderSchema,
  handler: ({ db, actor, entity }, input) => db.transaction((tx) => placeOrder(tx, actor, entity, input)),
});

export const editOwnOrderDef = defineAction({
  name: "editOwnOrder",
  access: "entity",
  schema: editOrderSchema,
  handler: ({ db, entity }, input) => db.transaction((tx) => editOwnOrder(tx, entity, input)),
});

export const cancelOwnOrderDef = defineAction({
  name: "cancelOwnOrder",
  access: "entity",
  schema: cancelOwnOrderSchema,
  handler: ({ db, actor, entity }, input) => db.transaction((tx) => cancelOwnOrder(tx, actor, entity, input)),
});

// Signed-in rather than entity or central: a reviewer is a central operator or a member of the
// entity's order reviewers group, which the handler checks against the order's entity.
export const reviewOrderDef = defineAction({
  name: "reviewOrder",
  access: "signedIn",
  schema: reviewOrderSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => reviewOrder(tx, actor, input)),
});

export const reviewOrderFromLinkDef = defineAction({
  name: "reviewOrderFromLink",
  access: "signedIn",
  schema: reviewOrderFromLinkSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => reviewOrderFromLink(tx, actor, input)),
});

export const rejectSubscriptionFromLinkDef = defineAction({
  name: "rejectSubscriptionFromLink",
  access: "signedIn",
  schema: rejectSubscriptionFromLinkSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => rejectSubscriptionFromLink(tx, actor, input)),
});

export const evaluateOrderTargetDef = defineAction({
  name: "evaluateOrderTarget",
  access: "entity",
  schema: evaluateOrderSchema,
  handler: ({ db, entity }, input) => evaluateOrderTarget(db, entity.id, input.packageId),
});

export const previewOrderDef = defineAction({
  name: "previewOrder",
  access: "entity",
  schema: previewOrderSchema,
  handler: ({ db, entity }, input) => previewOrder(db, entity.id, input),
});
