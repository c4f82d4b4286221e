import { eq } from "drizzle-orm";
import { getDb } from "../../db";
import {
  campaigns,
  contacts,
  dataDistributionRows,
  dataDistributions,
  deliveries,
  entityGroupMembers,
  workflows,
  type TypologyRules,
  type WorkflowActivity,
} from "../../db/schema";
import { createCampaignTemplate, uniq } from "./factories";

type ContactSpec = { first: string; status?: "active" | "unsubscribed" | "bounced"; segment?: string };

/** Contacts for one entity, their emails unique to the test. */
export async function addContacts(entityId: string, specs: ContactSpec[], segment: string) {
  const rows = await getDb()
    .insert(contacts)
    .values(specs.map((s) => ({ entityId, email: `${s.first.toLowerCase().replace(/[^a-z0-9]/g, "") || "x"}-${uniq("c")}@example.test`, firstName: s.first, lastName: "Test", status: s.status ?? "active", attributes: { segment: s.segment ?? segment } })))
    .returning();
  return rows;
}

/** Puts operators in an entity's package notification group (who gets [Target approval]). */
export async function notificationGroup(entityId: string, userIds: string[]) {
  await getDb().insert(entityGroupMembers).values(userIds.map((userId) => ({ entityId, userId, group: "package_notification" as const })));
}

export async function distribution(rows: { value: string; entityId: string; limit?: number }[], opts: { approveTargeted?: boolean; type?: "percentage" | "fixed_size"; field?: string } = {}) {
  const [d] = await getDb()
    .insert(dataDistributions)
    .values({ label: uniq("Distribution"), field: opts.field ?? "entity", type: opts.type ?? "fixed_size", approveTargeted: opts.approveTargeted ?? true })
    .returning();
  await getDb().insert(dataDistributionRows).values(rows.map((r, i) => ({ distributionId: d!.id, position: i, value: r.value, entityId: r.entityId, limit: r.limit ?? 0 })));
  return d!;
}

/**
 * A central by-target-approval campaign: Query (segment = the test's value) → Split → Local
 * approval → Delivery → End, its workflow Started and its delivery approved.
 */
export async function targetApprovalCampaign(opts: { segment: string; distributionId: string; typology?: Partial<TypologyRules>; body?: string; withApproval?: boolean; deliveryStatus?: "pending_confirmation" | "being_edited" }) {
  const db = getDb();
  const template = await createCampaignTemplate({ distributionLevel: "collaborative", collaborativeType: "by_target_approval" });
  const typology: TypologyRules = { pressure: null, excludeUnsubscribed: true, excludeBounced: true, controlGroupPercent: 0, ...opts.typology };
  const [campaign] = await db.insert(campaigns).values({ label: uniq("By target approval"), internalName: uniq("bta"), templateId: template.id, status: "started", typology }).returning();
  const [workflow] = await db.insert(workflows).values({ campaignId: campaign!.id, label: "Main", status: "started", targeting: [{ field: "segment", operator: "equals", value: opts.segment }] }).returning();
  const [delivery] = await db
    .insert(deliveries)
    .values({ campaignId: campaign!.id, workflowId: workflow!.id, label: "Email", status: opts.deliveryStatus ?? "pending_confirmation", subject: "Hello {{firstName}}", body: opts.body ?? "Dear {{firstName}},\n\nSee https://example.com/offer?x=1&y=2" })
    .returning();
  const activities: WorkflowActivity[] = [
    { id: "q", kind: "query", label: "Targeting", next: ["s"] },
    { id: "s", kind: "split", label: "Split", next: opts.withApproval === false ? ["d"] : ["la"], distributionId: opts.distributionId },
    ...(opts.withApproval === false ? [] : [{ id: "la", kind: "local_approval" as const, label: "Local approval", next: ["d"], distributionId: opts.distributionId, deadlineDays: 3, reminderHours: [24] }]),
    { id: "d", kind: "delivery", label: "Email", next: ["e"], deliveryId: delivery!.id },
    { id: "e", kind: "end", label: "End", next: [] },
  ];
  await db.update(workflows).set({ activities }).where(eq(workflows.id, workflow!.id));
  return { campaign: campaign!, workflow: { ...workflow!, activities }, delivery: delivery! };
}
