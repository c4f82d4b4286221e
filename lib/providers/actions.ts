import { defineAction } from "@/lib/actions";
import { approveDeliveryFile, finishProviderDelivery } from "./direct-mail";
import { saveProvider } from "./providers";
import { deliveryFileRefSchema, finishProviderDeliverySchema, providerSchema, updateProviderSchema } from "./schemas";

// Service providers (§8) and the provider steps of direct-mail deliveries: central operators only.

export const createProviderDef = defineAction({
  name: "createProvider",
  access: "central",
  schema: providerSchema,
  handler: async ({ db }, input) => ({ id: await db.transaction((tx) => saveProvider(tx, input)) }),
});

export const updateProviderDef = defineAction({
  name: "updateProvider",
  access: "central",
  schema: updateProviderSchema,
  handler: async ({ db }, { id, ...input }) => ({ id: await db.transaction((tx) => saveProvider(tx, input, id)) }),
});

/** **Approve the file** of a direct-mail delivery in File to approve. */
export const approveDeliveryFileDef = defineAction({
  name: "approveDeliveryFile",
  access: "central",
  schema: deliveryFileRefSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => approveDeliveryFile(tx, actor.userId, input.deliveryId)),
});

/** **Mark finished** a delivery Sent to provider, with the real cost the provider reported. */
export const finishProviderDeliveryDef = defineAction({
  name: "finishProviderDelivery",
  access: "central",
  schema: finishProviderDeliverySchema,
  handler: ({ db }, input) => db.transaction((tx) => finishProviderDelivery(tx, input)),
});
