import type { PackageStatus } from "@/db/schema";

// The §3 state machine as data: every transition names where it may start and where it ends.
export const packageTransitions = {
  submit: { from: ["being_edited"], to: "pending_approval", journal: "Submitted for approval" },
  accept: { from: ["pending_approval"], to: "approved", journal: "Approved" },
  reject: { from: ["pending_approval"], to: "rejected", journal: "Rejected" },
  publish: { from: ["approved"], to: "published", journal: "Published" },
  edit: { from: ["rejected"], to: "being_edited", journal: "Back to editing after rejection" },
  cancel: { from: ["being_edited", "pending_approval", "approved", "rejected", "published"], to: "canceled", journal: "Canceled" },
  reinitialize: { from: ["published", "canceled"], to: "being_edited", journal: "Reinitialized to reuse it" },
} as const satisfies Record<string, { from: readonly PackageStatus[]; to: PackageStatus; journal: string }>;
export type PackageAction = keyof typeof packageTransitions;

export const packageStatusLabels: Record<PackageStatus, string> = {
  being_edited: "Being edited",
  pending_approval: "Pending approval",
  approved: "Approved",
  published: "Published",
  rejected: "Rejected",
  canceled: "Canceled",
};

export function canApply(action: PackageAction, status: PackageStatus): boolean {
  return (packageTransitions[action].from as readonly PackageStatus[]).includes(status);
}
