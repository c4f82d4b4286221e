import { defineAction } from "@/lib/actions";
import { importEntities } from "./import";
import { entityFormSchema, entityImportSchema, updateEntitySchema } from "./schemas";
import { saveEntity } from "./write";

export const createEntity = defineAction({
  name: "createEntity",
  access: "central",
  schema: entityFormSchema,
  handler: async ({ db }, input) => ({ id: await db.transaction((tx) => saveEntity(tx, input)) }),
});

export const updateEntity = defineAction({
  name: "updateEntity",
  access: "central",
  schema: updateEntitySchema,
  handler: async ({ db }, { id, ...input }) => ({ id: await db.transaction((tx) => saveEntity(tx, input, id)) }),
});

export const importEntitiesAction = defineAction({
  name: "importEntities",
  access: "central",
  schema: entityImportSchema,
  handler: async ({ db }, { rows }) => db.transaction((tx) => importEntities(tx, rows)),
});
