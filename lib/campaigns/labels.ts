import type { Tone } from "@/components/ui/badge";

// The words users know from the established tool (§2, §3), in one place for lists, forms and badges.
export const distributionLevelLabels = { local: "Local", collaborative: "Collaborative" } as const;

export const collaborativeTypeLabels = {
  simple: "Collaborative campaign (simple)",
  by_form: "Collaborative campaign (by form)",
  by_campaign: "Collaborative campaign (by campaign)",
  by_target_approval: "Collaborative campaign (by target approval)",
} as const;

export const webInterfaceTypeLabels = { preset: "Pre-set", by_brief: "By brief", by_form: "By form" } as const;

export const fieldTypeLabels = { text: "Text", number: "Number", date: "Date", select: "Select", boolean: "Yes / no", file: "File" } as const;

export const campaignTypeLabels = { unique: "Unique", recurring: "Recurring", periodic: "Periodic" } as const;

export const campaignStatusLabels = {
  being_edited: "Being edited",
  to_validate: "To validate",
  started: "Started",
  finished: "Finished",
  canceled: "Canceled",
} as const;

export const campaignStatusTones: Record<keyof typeof campaignStatusLabels, Tone> = {
  being_edited: "gray",
  to_validate: "amber",
  started: "blue",
  finished: "green",
  canceled: "red",
};

export const activityKindLabels = {
  query: "Query",
  split: "Split",
  local_approval: "Local approval",
  delivery: "Delivery",
  wait: "Wait",
  end: "End",
} as const;

export const workflowStatusLabels = {
  being_edited: "Being edited",
  start_pending: "Start pending",
  started: "Started",
  paused: "Paused",
  finished: "Finished",
  stopped: "Stopped",
} as const;

export function toDayInput(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
