import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db";
import { publishPackage } from "../../lib/packages/publish";

const payloadSchema = z.object({ packageId: z.uuid(), revision: z.number().int() });

export const publishPackageTask: Task = async (raw) => {
  const payload = payloadSchema.parse(raw);
  await getDb().transaction((tx) => publishPackage(tx, payload));
};
