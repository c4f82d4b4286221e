import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { actionTokens, entities, type PersonalizationField } from "@/db/schema";
import { createActionTokens } from "@/lib/links/tokens";
import { appUrl } from "@/lib/links/urls";
import { queueNotifications } from "@/lib/notifications/queue";
import type { TemplatePayloads } from "@/lib/notifications/templates";
import { entityRecipients } from "@/lib/packages/recipients";
import { orderReviewersOf } from "./reviewers";

type Order = { id: string; label: string; comment: string; entityId: string; parameters: Record<string, string | number | boolean | null> };

/** The parameters as reviewers read them: the field's label and a readable value. */
export function describeParameters(fields: PersonalizationField[], values: Order["parameters"]): [string, string][] {
  return fields.map((f) => {
    const v = values[f.name];
    const shown = v === null || v === undefined || v === "" ? "—" : typeof v === "boolean" ? (v ? "Yes" : "No") : String(v);
    return [f.label, shown];
  });
}

/** [Approval of order]: each reviewer gets an Accept or reject link and an Order parameters link made for them. */
export async function emailOrderReviewers(tx: Tx, order: Order, ctx: { packageLabel: string; orderedBy: string; fields: PersonalizationField[] }) {
  const { reviewers } = await orderReviewersOf(tx, order.entityId);
  const entity = await tx.query.entities.findFirst({ where: eq(entities.id, order.entityId), columns: { label: true } });
  // Two links per reviewer in two inserts, however many reviewers (all central operators, at worst).
  const spec = reviewers.map((r) => ({ email: r.email, userId: r.id, entityId: order.entityId, subjectId: order.id }));
  const [reviewTokens, viewTokens] = [await createActionTokens(tx, "order_review", spec), await createActionTokens(tx, "order_parameters", spec)];
  const items = reviewers.map((r, i) => ({
    eventKey: `order:${order.id}:approval:${r.id}`,
    recipient: r.email,
    template: "order_approval" as const,
    entityId: order.entityId,
    payload: {
      orderLabel: order.label,
      packageLabel: ctx.packageLabel,
      entityLabel: entity?.label ?? "",
      orderedBy: ctx.orderedBy,
      comment: order.comment,
      parameters: describeParameters(ctx.fields, order.parameters),
      url: appUrl(`/links/${reviewTokens[i]}`),
      parametersUrl: appUrl(`/links/${viewTokens[i]}`),
    },
  }));
  await queueNotifications(tx, items);
  return reviewers.length;
}

/** After the decision, the other reviewers' Accept or reject links have nothing left to do. */
export async function spendOrderReviewLinks(tx: Tx, orderId: string) {
  await tx
    .update(actionTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(actionTokens.purpose, "order_review"), eq(actionTokens.subjectId, orderId), sql`${actionTokens.usedAt} is null`));
}

/** A closed order's entity links (reject the subscription, change the parameters) stop working too. */
export async function spendEntityOrderLinks(tx: Tx, orderId: string) {
  await tx
    .update(actionTokens)
    .set({ usedAt: sql`now()` })
    .where(and(inArray(actionTokens.purpose, ["subscription_reject", "order_change"]), eq(actionTokens.subjectId, orderId), sql`${actionTokens.usedAt} is null`));
}

/** Approved, rejected or available: the entity's notification group hears it, with a link into its portal. */
export async function emailEntity(
  tx: Tx,
  order: { id: string; entityId: string },
  event:
    | { kind: "order_decision"; payload: Omit<TemplatePayloads["order_decision"], "entityLabel" | "url">; path: string }
    | { kind: "campaign_available"; payload: Omit<TemplatePayloads["campaign_available"], "entityLabel" | "url">; path: string },
) {
  const [r] = await entityRecipients(tx, [order.entityId]);
  if (!r) return 0;
  const url = appUrl(`/portal/${r.internalName}${event.path}`);
  const key = event.kind === "order_decision" ? `order:${order.id}:${event.payload.decision}` : `order:${order.id}:available`;
  const items = r.emails.map((email) => ({
    eventKey: `${key}:${email}`,
    recipient: email,
    entityId: order.entityId,
    template: event.kind,
    payload: { ...event.payload, entityLabel: r.label, url },
  }));
  return (await queueNotifications(tx, items as Parameters<typeof queueNotifications>[1])).length;
}
