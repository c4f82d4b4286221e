import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { packageJournal, packages } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { packageStatusLabels, packageTransitions, type PackageAction } from "./states";

export type TransitionActor = { userId: string | null; name: string };
export const SYSTEM: TransitionActor = { userId: null, name: "System" };

/**
 * One transition: a single UPDATE guarded by the allowed starting statuses, plus its journal line,
 * in the caller's transaction. Of two operators acting at once, the second finds the status
 * already changed and gets a clear refusal instead of a mixed state.
 */
export async function applyTransition(
  tx: Tx,
  params: { packageId: string; action: PackageAction; actor: TransitionActor; comment?: string | null; set?: Partial<typeof packages.$inferInsert> },
) {
  const t = packageTransitions[params.action];
  const [row] = await tx
    .update(packages)
    .set({ ...params.set, status: t.to, statusChangedAt: sql`now()`, updatedAt: sql`now()`, revision: sql`${packages.revision} + 1` })
    .where(and(eq(packages.id, params.packageId), inArray(packages.status, [...t.from])))
    .returning();
  if (!row) {
    const current = await tx.query.packages.findFirst({ where: eq(packages.id, params.packageId), columns: { status: true } });
    if (!current) throw new AppError("not_found");
    throw new AppError("conflict", `This package is ${packageStatusLabels[current.status].toLowerCase()} now: "${t.journal}" no longer applies. Reload to see its current state.`);
  }
  await tx.insert(packageJournal).values({
    packageId: row.id,
    action: t.journal,
    actorId: params.actor.userId,
    actorName: params.actor.name,
    comment: params.comment ?? null,
  });
  return row;
}
