import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db";
import { remindTargetApproval } from "../../lib/execution/local-approval";

const payloadSchema = z.object({ taskId: z.uuid(), hours: z.number().int().min(0).max(24 * 60) });

/** A [Target approval] reminder; the outbox keys make a retried job send nothing twice. */
export const remindTargetApprovalTask: Task = async (raw) => {
  const { taskId, hours } = payloadSchema.parse(raw);
  await getDb().transaction((tx) => remindTargetApproval(tx, taskId, hours));
};
