import { eq } from "drizzle-orm";
import { advanceWorkflow } from "../lib/execution/runner";
import type { Tx } from "./index";
import { campaigns, campaignTemplates, dataDistributionRows, dataDistributions, deliveries, entities, programs, workflows, type WorkflowActivity } from "./schema";

/**
 * A by-target-approval campaign already running, so that the demo shows campaign execution: the
 * central team's "Autumn loyalty mailing" targets the network's contacts, splits them by store
 * and waits for each entity to approve its contacts (Paris Nord's and Lyon Centre's operators get
 * the [Target approval] email). Its email delivery is approved, so it leaves once they answer.
 */
export async function seedExecution(tx: Tx, managerId: string) {
  const local = await tx.select({ id: entities.id, internalName: entities.internalName }).from(entities).where(eq(entities.kind, "local"));
  const [dist] = await tx.insert(dataDistributions).values({ label: "Stores of the network", field: "entity", type: "fixed_size", approveTargeted: true }).returning();
  await tx.insert(dataDistributionRows).values(local.map((e, i) => ({ distributionId: dist!.id, position: i, value: e.internalName, entityId: e.id, limit: 0, label: e.internalName })));
  const [template] = await tx
    .insert(campaignTemplates)
    .values({ label: "Loyalty mailing (by target approval)", internalName: "loyalty-mailing-by-target-approval", distributionLevel: "collaborative", collaborativeType: "by_target_approval", webInterfaceType: "preset" })
    .returning();
  const [program] = await tx.select({ id: programs.id }).from(programs).limit(1);
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      label: "Autumn loyalty mailing",
      internalName: "autumn-loyalty-mailing",
      programId: program?.id,
      templateId: template!.id,
      managerId,
      status: "started",
      typology: { pressure: { maxMessages: 3, days: 30 }, excludeUnsubscribed: true, excludeBounced: true, controlGroupPercent: 5 },
    })
    .returning();
  const [workflow] = await tx
    .insert(workflows)
    .values({ campaignId: campaign!.id, label: "Autumn loyalty mailing", status: "started", targeting: [{ field: "city", operator: "is_not_empty", value: "" }] })
    .returning();
  const [delivery] = await tx
    .insert(deliveries)
    .values({
      campaignId: campaign!.id,
      workflowId: workflow!.id,
      label: "Loyalty email",
      status: "pending_confirmation",
      subject: "{{firstName}}, a thank-you from your store",
      body: "Hello {{firstName}},\n\nThank you for your loyalty. Show this email in store this autumn for a gift.\n\nSee our opening hours: https://example.com/stores",
    })
    .returning();
  const activities: WorkflowActivity[] = [
    { id: "query", kind: "query", label: "Customers with a city", next: ["split"], x: 0, y: 0 },
    { id: "split", kind: "split", label: "Split by store", next: ["approval"], distributionId: dist!.id, x: 220, y: 0 },
    { id: "approval", kind: "local_approval", label: "Approval by each store", next: ["email"], distributionId: dist!.id, deadlineDays: 3, reminderHours: [24], x: 440, y: 0 },
    { id: "email", kind: "delivery", label: "Loyalty email", next: ["end"], deliveryId: delivery!.id, x: 660, y: 0 },
    { id: "end", kind: "end", label: "End", next: [], x: 880, y: 0 },
  ];
  await tx.update(workflows).set({ activities }).where(eq(workflows.id, workflow!.id));
  await advanceWorkflow(tx, workflow!.id);
}
