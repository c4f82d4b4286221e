import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { entityMemberships, orders, users } from "@/db/schema";
import type { Actor, Membership } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { storeOrderFiles } from "./files";
import { scheduleAvailability } from "./jobs";
import { emailOrderReviewers } from "./notify";
import { lockForOrdering, orderability } from "./orderability";
import { orderDetailsSchema, type OrderTemplateLimits } from "./parameters";

type RawDetails = { label: unknown; comment: unknown; parameters: Record<string, unknown>; reviewerIds: unknown; documents: unknown };

/** Parses the wizard's details with the schema the wizard itself used, built from the template. */
export async function parseDetails(tx: Tx, entityId: string, limits: OrderTemplateLimits, raw: RawDetails, existing?: { filesOnOrder: string[]; documentsOnOrder: number }) {
  const parsed = orderDetailsSchema(limits, existing).safeParse({
    label: raw.label,
    comment: raw.comment ?? "",
    parameters: raw.parameters,
    reviewerIds: raw.reviewerIds ?? [],
    documents: raw.documents ?? [],
  });
  if (!parsed.success) throw new AppError("invalid_input", undefined, fieldErrorsOf(parsed.error));
  const details = parsed.data;
  // Reviewers named on an order are operators of this entity, never anyone else.
  if (details.reviewerIds.length) {
    const members = await tx
      .select({ id: entityMemberships.userId })
      .from(entityMemberships)
      .innerJoin(users, eq(users.id, entityMemberships.userId))
      .where(and(eq(entityMemberships.entityId, entityId), inArray(entityMemberships.userId, details.reviewerIds), isNull(users.disabledAt)));
    if (members.length !== details.reviewerIds.length) throw new AppError("invalid_input", undefined, { reviewerIds: "Choose reviewers among your entity's operators." });
  }
  return details;
}

/**
 * Order the campaign / Register for the campaign (§4). Manual mode: Ordered (pending approval)
 * and the order reviewers are emailed. Automatic mode (an entity registering again after it
 * rejected its subscription): Approved at once, like the pre-subscription.
 */
export async function placeOrder(tx: Tx, actor: Actor, entity: Membership, input: { packageId: string } & RawDetails) {
  await lockForOrdering(tx, entity.id, input.packageId);
  const check = await orderability(tx, entity.id, input.packageId);
  if (!check.ok) throw new AppError(check.code, check.reason);
  const { pkg, limits } = check;
  const details = await parseDetails(tx, entity.id, limits, input);
  const status = pkg.approvalMode === "automatic" ? ("approved" as const) : ("ordered" as const);
  const [order] = await tx
    .insert(orders)
    .values({ packageId: pkg.id, entityId: entity.id, label: details.label, comment: details.comment, status, reviewerIds: details.reviewerIds, createdById: actor.userId })
    .returning();
  const parameters = await storeOrderFiles(tx, order!.id, details.parameters, details.documents);
  await tx.update(orders).set({ parameters }).where(eq(orders.id, order!.id));
  if (status === "ordered") {
    await emailOrderReviewers(tx, { ...order!, parameters }, { packageLabel: pkg.label, orderedBy: actor.name, fields: limits.fields });
  } else {
    await tx.update(orders).set({ decidedById: actor.userId, statusChangedAt: sql`now()` }).where(eq(orders.id, order!.id));
    await scheduleAvailability(tx, order!.id, pkg.availableAt);
  }
  return { id: order!.id, status };
}
