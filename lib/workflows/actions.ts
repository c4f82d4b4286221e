import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { requestWorkflowCommand } from "./commands";

const command = z.enum(["start", "pause", "stop"]);
export const workflowCommandSchema = z.object({ entity: z.string().min(1).max(100), campaignId: z.uuid(), command });
export const referenceWorkflowCommandSchema = z.object({ campaignId: z.uuid(), command });

/** Start, Pause or Stop on the entity's own (local or child) campaign. */
export const requestWorkflowCommandDef = defineAction({
  name: "requestWorkflowCommand",
  access: "entity",
  schema: workflowCommandSchema,
  handler: ({ db, entity }, input) => db.transaction((tx) => requestWorkflowCommand(tx, { entityId: entity.id }, input)),
});

/** The same on a central reference campaign. */
export const requestReferenceWorkflowCommandDef = defineAction({
  name: "requestReferenceWorkflowCommand",
  access: "central",
  schema: referenceWorkflowCommandSchema,
  handler: ({ db }, input) => db.transaction((tx) => requestWorkflowCommand(tx, { entityId: null }, input)),
});
