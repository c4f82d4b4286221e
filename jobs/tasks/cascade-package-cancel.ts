import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db";
import { runCancelCascade } from "../../lib/packages/cascade";

const payloadSchema = z.object({ packageId: z.uuid(), revision: z.number().int() });

export const cascadePackageCancelTask: Task = async (raw, helpers) => {
  const result = await runCancelCascade(getDb(), payloadSchema.parse(raw));
  helpers.logger.info(`cancel cascade: ${result.ordersCanceled} orders, ${result.entitiesNotified} entities`);
};
