import { defineAction } from "@/lib/actions";
import { unsubscribe } from "@/lib/deliveries/tracking-events";
import { AppError } from "@/lib/errors";
import { approveTargeting, setTargetChecks } from "./local-approval";
import { approveTargetingSchema, targetChecksSchema, unsubscribeSchema } from "./schemas";

/** Checks or unchecks contacts on the entity's approval page (§6). */
export const setTargetChecksDef = defineAction({
  name: "setTargetChecks",
  access: "entity",
  schema: targetChecksSchema,
  handler: ({ db, entity }, input) => db.transaction((tx) => setTargetChecks(tx, entity.id, input)),
});

/** **Approve targeting** (§6). */
export const approveTargetingDef = defineAction({
  name: "approveTargeting",
  access: "entity",
  schema: approveTargetingSchema,
  handler: ({ db, entity, actor }, input) => db.transaction((tx) => approveTargeting(tx, entity.id, actor.userId, input)),
});


/** The unsubscribe link of a delivered message: public, since recipients have no account. */
export const unsubscribeFromLinkDef = defineAction({
  name: "unsubscribeFromLink",
  access: "public",
  schema: unsubscribeSchema,
  handler: async ({ db }, { token }) => {
    if (!(await unsubscribe(db, token))) throw new AppError("not_found", "This unsubscribe link is not valid.");
    return { unsubscribed: true };
  },
});
