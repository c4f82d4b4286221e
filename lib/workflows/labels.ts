import type { workflowStatuses } from "@/db/schema/campaigns";

export type WorkflowStatus = (typeof workflowStatuses)[number];

export const commandLabels = { start: "Start", pause: "Pause", stop: "Stop" } as const;
export const pendingLabels = { start: "Start pending", pause: "Pause pending", stop: "Stop pending" } as const;
