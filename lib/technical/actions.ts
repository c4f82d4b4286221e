import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { technicalWorkflowIds } from "./registry";
import { requestRun, setStatus } from "./runs";

export const runNowSchema = z.object({ workflow: z.enum(technicalWorkflowIds) });
export const setStatusSchema = z.object({ workflow: z.enum(technicalWorkflowIds), status: z.enum(["started", "stopped"]) });

export const runTechnicalWorkflowNowDef = defineAction({
  name: "runTechnicalWorkflowNow",
  access: "admin",
  schema: runNowSchema,
  handler: ({ db }, input) => db.transaction((tx) => requestRun(tx, input.workflow)),
});

export const setTechnicalWorkflowStatusDef = defineAction({
  name: "setTechnicalWorkflowStatus",
  access: "admin",
  schema: setStatusSchema,
  handler: ({ db, actor }, input) => db.transaction((tx) => setStatus(tx, actor.userId, input.workflow, input.status)),
});
