import { defineAction } from "@/lib/actions";
import { saveDistribution } from "./distributions";
import { distributionSchema, updateDistributionSchema } from "./schemas";

// Data distribution templates (§6): central operators only.

export const createDistributionDef = defineAction({
  name: "createDataDistribution",
  access: "central",
  schema: distributionSchema,
  handler: async ({ db }, input) => ({ id: await db.transaction((tx) => saveDistribution(tx, input)) }),
});

export const updateDistributionDef = defineAction({
  name: "updateDataDistribution",
  access: "central",
  schema: updateDistributionSchema,
  handler: async ({ db }, { id, ...input }) => ({ id: await db.transaction((tx) => saveDistribution(tx, input, id)) }),
});
