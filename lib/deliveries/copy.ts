import type { deliveries } from "@/db/schema";

type Delivery = typeof deliveries.$inferSelect;

/**
 * What a copied delivery keeps of its original (an entity's copy at Available, an occurrence):
 * its content and approval settings, not its run (status, messages, approvals, dates of sending).
 */
export function deliverySettingsOf(d: Delivery) {
  return {
    label: d.label,
    channel: d.channel,
    subject: d.subject,
    body: d.body,
    approvalKinds: d.approvalKinds,
    reviewerIds: d.reviewerIds,
    approvalDays: d.approvalDays,
    reminderHours: d.reminderHours,
    scheduledAt: d.scheduledAt,
    ratePerSecond: d.ratePerSecond,
    providerId: d.providerId,
  };
}
