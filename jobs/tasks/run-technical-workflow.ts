import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db";
import { technicalWorkflowIds } from "../../lib/technical/registry";
import { runTechnicalWorkflow } from "../../lib/technical/runs";

const payloadSchema = z.object({ workflow: z.enum(technicalWorkflowIds), trigger: z.enum(["schedule", "manual", "command"]).default("schedule") });

export const runTechnicalWorkflowTask: Task = async (raw) => {
  const { workflow, trigger } = payloadSchema.parse(raw);
  await runTechnicalWorkflow(getDb(), workflow, trigger);
};
