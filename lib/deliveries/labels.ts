import type { Tone } from "@/components/ui/badge";
import type { deliveryStatuses } from "@/db/schema/campaigns";
import type { ApprovalKind } from "./schemas";

// The words users know from the established tool (§7), for badges, panels and emails.
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  being_edited: "Being edited",
  to_validate: "To validate",
  pending_confirmation: "Pending confirmation",
  start_pending: "Start pending",
  in_progress: "In progress",
  finished: "Finished",
  stopped: "Stopped",
  canceled: "Canceled",
  pending_extraction: "Pending extraction",
  file_to_approve: "File to approve",
  sent_to_provider: "Sent to provider",
};

export const deliveryStatusTones: Record<DeliveryStatus, Tone> = {
  being_edited: "gray",
  to_validate: "amber",
  pending_confirmation: "blue",
  start_pending: "blue",
  in_progress: "blue",
  finished: "green",
  stopped: "red",
  canceled: "red",
  pending_extraction: "amber",
  file_to_approve: "amber",
  sent_to_provider: "blue",
};

export const channelLabels = { email: "Email", direct_mail: "Direct mail" } as const;

export const approvalKindLabels: Record<ApprovalKind, string> = { target: "Target", content: "Content", budget: "Budget" };

export const approvalStatusLabels = { pending: "Waiting", approved: "Approved", rejected: "Rejected" } as const;
export const approvalStatusTones: Record<keyof typeof approvalStatusLabels, Tone> = { pending: "amber", approved: "green", rejected: "red" };

/** Statuses from which **Stop** halts a delivery (§7): approved or sending, not yet done; direct mail until its file has gone to the provider. */
export const stoppableStatuses = ["to_validate", "pending_confirmation", "start_pending", "in_progress", "pending_extraction", "file_to_approve"] as const satisfies readonly DeliveryStatus[];
export const isStoppable = (s: DeliveryStatus) => (stoppableStatuses as readonly string[]).includes(s);
