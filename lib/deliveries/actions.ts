import { defineAction } from "@/lib/actions";
import { centralScope, entityScope } from "./access";
import { submitDelivery, updateDeliveryContent, updateDeliverySettings } from "./edit";
import { sendDeliveryProof } from "./proof";
import { reviewDelivery, reviewDeliveryFromLink } from "./review";
import {
  deliveryContentSchema,
  deliveryRefSchema,
  deliverySettingsSchema,
  ownDeliveryRefSchema,
  reviewDeliveryApprovalSchema,
  reviewDeliveryFromLinkSchema,
  sendOwnProofSchema,
  sendProofSchema,
} from "./schemas";
import { stopDelivery } from "./stop";

// The delivery page's actions (§7). Central ones reach every delivery; the entity's ones only the
// deliveries of its own (local or child) campaigns, the entity being in every WHERE.

export const updateDeliveryDef = defineAction({
  name: "updateDelivery",
  access: "central",
  schema: deliverySettingsSchema,
  handler: ({ db }, input) => db.transaction((tx) => updateDeliverySettings(tx, input)),
});

export const updateOwnDeliveryContentDef = defineAction({
  name: "updateOwnDeliveryContent",
  access: "entity",
  schema: deliveryContentSchema,
  handler: ({ db, entity }, input) => db.transaction((tx) => updateDeliveryContent(tx, entity.id, input)),
});

export const submitDeliveryDef = defineAction({
  name: "submitDelivery",
  access: "central",
  schema: deliveryRefSchema,
  handler: ({ db }, input) => db.transaction((tx) => submitDelivery(tx, centralScope, input.deliveryId)),
});

// Reviewers are central operators: those the delivery names, or all of them when it names none.
/**
 * The entity submits its own campaign's delivery: its central reviewers then decide, or, with no
 * approval required, it is approved at once. Without this a local campaign could never send.
 */
export const submitOwnDeliveryDef = defineAction({
  name: "submitOwnDelivery",
  access: "entity",
  schema: ownDeliveryRefSchema,
  handler: ({ db, entity }, input) => db.transaction((tx) => submitDelivery(tx, entityScope(entity.id), input.deliveryId)),
});

export const reviewDeliveryApprovalDef = defineAction({
  name: "reviewDeliveryApproval",
  access: "central",
  schema: reviewDeliveryApprovalSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => reviewDelivery(tx, actor, input.deliveryId, [input])),
});

export const reviewDeliveryFromLinkDef = defineAction({
  name: "reviewDeliveryFromLink",
  access: "central",
  schema: reviewDeliveryFromLinkSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => reviewDeliveryFromLink(tx, actor, input)),
});

export const stopDeliveryDef = defineAction({
  name: "stopDelivery",
  access: "central",
  schema: deliveryRefSchema,
  handler: ({ db }, input) => db.transaction((tx) => stopDelivery(tx, centralScope, input.deliveryId)),
});

export const stopOwnDeliveryDef = defineAction({
  name: "stopOwnDelivery",
  access: "entity",
  schema: ownDeliveryRefSchema,
  handler: ({ db, entity }, input) => db.transaction((tx) => stopDelivery(tx, entityScope(entity.id), input.deliveryId)),
});

export const sendDeliveryProofDef = defineAction({
  name: "sendDeliveryProof",
  access: "central",
  schema: sendProofSchema,
  handler: ({ db }, input) => db.transaction((tx) => sendDeliveryProof(tx, centralScope, input)),
});

export const sendOwnDeliveryProofDef = defineAction({
  name: "sendOwnDeliveryProof",
  access: "entity",
  schema: sendOwnProofSchema,
  handler: ({ db, entity }, input) => db.transaction((tx) => sendDeliveryProof(tx, entityScope(entity.id), input)),
});
