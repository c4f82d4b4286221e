import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { campaignTemplates, campaigns, liveOrderStatuses, orders, packageAudience, packages, type PersonalizationField } from "@/db/schema";
import type { AppErrorCode } from "@/lib/errors";
import { formatDateTime } from "@/lib/utils";
import type { OrderTemplateLimits } from "./parameters";

export type OrderablePackage = typeof packages.$inferSelect & { collaborativeType: string | null };

/** Personalization fields are filled in when ordering by-form and by-campaign packages (§4). */
export function orderFieldsApply(pkg: { kind: string; collaborativeType: string | null }): boolean {
  return pkg.kind === "collaborative" && (pkg.collaborativeType === "by_form" || pkg.collaborativeType === "by_campaign");
}

export async function packageWithTemplate(db: DbOrTx, packageId: string) {
  const [row] = await db
    .select({
      pkg: packages,
      collaborativeType: campaignTemplates.collaborativeType,
      fields: campaignTemplates.personalizationFields,
      maxReviewers: campaignTemplates.maxReviewers,
      maxDocuments: campaignTemplates.maxDocuments,
      content: campaigns.content,
      typology: campaigns.typology,
    })
    .from(packages)
    .innerJoin(campaigns, eq(campaigns.id, packages.referenceCampaignId))
    .leftJoin(campaignTemplates, eq(campaignTemplates.id, campaigns.templateId))
    .where(eq(packages.id, packageId));
  if (!row) return null;
  const pkg = { ...row.pkg, collaborativeType: row.collaborativeType };
  const limits: OrderTemplateLimits = {
    fields: orderFieldsApply(pkg) ? ((row.fields ?? []) as PersonalizationField[]) : [],
    maxReviewers: row.maxReviewers ?? 0,
    maxDocuments: row.maxDocuments ?? 0,
  };
  return { pkg, limits, content: row.content, typology: row.typology };
}

export type Orderability =
  | { ok: true; pkg: OrderablePackage; limits: OrderTemplateLimits }
  | { ok: false; code: AppErrorCode; reason: string; liveOrderId?: string };

/**
 * The §4 guards, in the order an operator would want to hear them: offered to this entity,
 * published, inside the visibility period, before the registration deadline, and no other live
 * order unless multiple creation is on. Pages show the reason; the action throws it.
 */
export async function orderability(db: DbOrTx, entityId: string, packageId: string): Promise<Orderability> {
  // The database's clock, as the catalog query uses: a page and its button never disagree at a boundary.
  const [clock] = await db.execute<{ now: string | Date }>(sql`select now() as now`);
  const now = new Date(clock!.now);
  const found = await packageWithTemplate(db, packageId);
  if (!found) return { ok: false, code: "not_found", reason: "This package does not exist or is not offered to your entity." };
  const { pkg, limits } = found;
  if (pkg.limitToAudience) {
    const member = await db.query.packageAudience.findFirst({ where: and(eq(packageAudience.packageId, pkg.id), eq(packageAudience.entityId, entityId)) });
    if (!member) return { ok: false, code: "not_found", reason: "This package does not exist or is not offered to your entity." };
  }
  if (pkg.status === "canceled") return { ok: false, code: "conflict", reason: "This package was canceled by the central team." };
  if (pkg.status !== "published") return { ok: false, code: "not_found", reason: "This package does not exist or is not offered to your entity." };
  if (pkg.startAt > now) return { ok: false, code: "conflict", reason: `The offer opens on ${formatDateTime(pkg.startAt)}.` };
  if (pkg.endAt < now) return { ok: false, code: "conflict", reason: `The offer ended on ${formatDateTime(pkg.endAt)}.` };
  if (pkg.kind === "collaborative" && pkg.registrationDeadline && pkg.registrationDeadline < now) {
    return { ok: false, code: "conflict", reason: `The registration deadline passed on ${formatDateTime(pkg.registrationDeadline)}.` };
  }
  if (!pkg.enableMultipleCreation) {
    const [live] = await db
      .select({ id: orders.id, label: orders.label })
      .from(orders)
      .where(and(eq(orders.packageId, pkg.id), eq(orders.entityId, entityId), inArray(orders.status, liveOrderStatuses)))
      .orderBy(desc(orders.createdAt))
      .limit(1);
    if (live) {
      return {
        ok: false,
        code: "conflict",
        reason: `Your entity already has a live order for this package ("${live.label}"). Change that order, or cancel it before ordering again.`,
        liveOrderId: live.id,
      };
    }
  }
  return { ok: true, pkg, limits };
}

/** Two orders of one entity for one package queue behind each other, and behind a cancellation. */
export async function lockForOrdering(db: DbOrTx, entityId: string, packageId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`order:${packageId}:${entityId}`}, 0))`);
  await db.execute(sql`select 1 from ${packages} where ${packages.id} = ${packageId} for share`);
}
