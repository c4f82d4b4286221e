import { defineAction } from "@/lib/actions";
import { inviteOperator } from "./invite";
import { inviteSchema } from "./schemas";

export const inviteOperatorDef = defineAction({
  name: "inviteOperator",
  access: "admin",
  schema: inviteSchema,
  handler: async ({ db, actor }, input) => db.transaction((tx) => inviteOperator(tx, actor, input)),
});
