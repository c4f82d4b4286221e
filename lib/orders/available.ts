import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { deliverySettingsOf } from "@/lib/deliveries/copy";
import { campaigns, campaignTemplates, deliveries, entities, orders, packages, workflows } from "@/db/schema";
import { scheduleAvailability } from "./jobs";
import { emailEntity } from "./notify";

/**
 * Approved + availability date reached → Available (§4), run by the `make_order_available` job.
 * A local package gives the entity its own campaign; a by-campaign package a child campaign of
 * the reference. Guarded on Approved, so a retried job or an order canceled meanwhile does nothing.
 */
export async function makeOrderAvailable(tx: Tx, orderId: string) {
  // The database's clock, which scheduled the job: a worker clock running behind must not skip it.
  const [clock] = await tx.execute<{ now: string | Date }>(sql`select now() as now`);
  const now = new Date(clock!.now);
  const [row] = await tx
    .select({ order: orders, pkg: packages, collaborativeType: campaignTemplates.collaborativeType })
    .from(orders)
    .innerJoin(packages, eq(packages.id, orders.packageId))
    .innerJoin(campaigns, eq(campaigns.id, packages.referenceCampaignId))
    .leftJoin(campaignTemplates, eq(campaignTemplates.id, campaigns.templateId))
    .where(eq(orders.id, orderId))
    .for("update", { of: orders });
  if (!row || row.order.status !== "approved") return { available: false };
  const { order, pkg } = row;
  // A collaborative package canceled meanwhile: its cascade cancels this order; nothing to create.
  if (pkg.kind === "collaborative" && pkg.status !== "published") return { available: false };
  if (pkg.availableAt > now) {
    // Too early (the date moved, or clocks differ): come back at the date instead of dropping it.
    await scheduleAvailability(tx, order.id, pkg.availableAt);
    return { available: false };
  }
  const ownCampaign = pkg.kind === "local" || row.collaborativeType === "by_campaign";
  const campaignId = ownCampaign
    ? await copyReference(tx, pkg.referenceCampaignId, order, { child: pkg.kind === "collaborative", startTargeting: pkg.kind === "local" && pkg.startTargetingWithApproval })
    : null;
  await tx.update(orders).set({ status: "available", campaignId, statusChangedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(orders.id, order.id));
  const campaign = campaignId ? await tx.query.campaigns.findFirst({ where: eq(campaigns.id, campaignId), columns: { label: true } }) : null;
  await emailEntity(tx, order, {
    kind: "campaign_available",
    path: campaignId ? `/campaigns/${campaignId}` : `/orders/${order.id}`,
    payload: { packageLabel: pkg.label, campaignLabel: campaign?.label ?? pkg.label },
  });
  return { available: true, campaignId };
}

/**
 * The entity's copy of the reference campaign with its workflow and deliveries, all being edited,
 * carrying the order's personalization values. "Start targeting with order approval" asks the
 * workflow to start: operationMgt carries out the pending command (§2, §10).
 */
async function copyReference(tx: Tx, referenceId: string, order: typeof orders.$inferSelect, opts: { child: boolean; startTargeting: boolean }) {
  const ref = (await tx.query.campaigns.findFirst({ where: eq(campaigns.id, referenceId) }))!;
  const entity = (await tx.query.entities.findFirst({ where: eq(entities.id, order.entityId), columns: { label: true, internalName: true } }))!;
  const suffix = randomBytes(3).toString("hex");
  const [copy] = await tx
    .insert(campaigns)
    .values({
      label: `${ref.label} – ${entity.label}`,
      // Each part is cut so that the random suffix always survives: names stay unique.
      internalName: `${ref.internalName.slice(0, 50)}-${entity.internalName.slice(0, 50)}-${suffix}`,
      programId: ref.programId,
      templateId: ref.templateId,
      startDate: ref.startDate,
      endDate: ref.endDate,
      type: ref.type,
      status: opts.startTargeting ? "started" : "being_edited",
      entityId: order.entityId,
      parentCampaignId: opts.child ? ref.id : null,
      content: ref.content,
      typology: ref.typology,
      personalization: order.parameters,
    })
    .returning({ id: campaigns.id });
  const refWorkflows = await tx.select().from(workflows).where(eq(workflows.campaignId, ref.id)).orderBy(asc(workflows.id));
  for (const w of refWorkflows) {
    const refDeliveries = await tx.select().from(deliveries).where(and(eq(deliveries.campaignId, ref.id), eq(deliveries.workflowId, w.id))).orderBy(asc(deliveries.createdAt), asc(deliveries.id));
    // Each delivery is copied under a new id, and the copied activities name the copies: the
    // entity's workflow never points at the reference's deliveries. Activity ids stay the same.
    const copyOf = new Map(refDeliveries.map((d) => [d.id, randomUUID()]));
    const activities = w.activities.map(({ deliveryId, ...a }) => {
      const copied = deliveryId ? copyOf.get(deliveryId) : undefined;
      return { ...a, next: [...a.next], ...(copied ? { deliveryId: copied } : {}) };
    });
    const [wf] = await tx
      .insert(workflows)
      .values({ campaignId: copy!.id, label: w.label, activities, targeting: w.targeting, scheduledAt: w.scheduledAt, status: opts.startTargeting ? "start_pending" : "being_edited", pendingCommand: opts.startTargeting ? "start" : null })
      .returning({ id: workflows.id });
    if (refDeliveries.length) {
      await tx.insert(deliveries).values(
        refDeliveries.map((d) => ({
          id: copyOf.get(d.id)!,
          campaignId: copy!.id,
          workflowId: wf!.id,
          ...deliverySettingsOf(d),
        })),
      );
    }
  }
  return copy!.id;
}
