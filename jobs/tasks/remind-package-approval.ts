import { eq } from "drizzle-orm";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getDb } from "../../db";
import { packages } from "../../db/schema";
import { emailReviewers } from "../../lib/packages/review-requests";

const payloadSchema = z.object({ packageId: z.uuid(), revision: z.number().int(), index: z.number().int().min(0) });

/** A reminder only goes out while the same submission still waits for an answer. */
export const remindPackageApprovalTask: Task = async (raw) => {
  const { packageId, revision, index } = payloadSchema.parse(raw);
  await getDb().transaction(async (tx) => {
    const pkg = await tx.query.packages.findFirst({ where: eq(packages.id, packageId) });
    if (!pkg || pkg.status !== "pending_approval" || pkg.revision !== revision) return;
    await emailReviewers(tx, pkg, { submittedBy: "The central team", eventSuffix: `reminder${index}`, reminder: true });
  });
};
