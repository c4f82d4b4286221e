import type { CostKind, costChannels } from "./schemas";

// The words users know from the established tool (§8).
export const costChannelLabels: Record<(typeof costChannels)[number], string> = { email: "Email", direct_mail: "Direct mail", task: "Task" };

export const costKindLabels: Record<CostKind, string> = {
  fixed: "Fixed",
  linear: "Linear",
  linear_threshold: "Linear by threshold",
  constant_threshold: "Constant by threshold",
};

export const costKindHints: Record<CostKind, string> = {
  fixed: "One amount, whatever the count.",
  linear: "Unit price × count, or a price per batch of N items (a started batch counts whole).",
  linear_threshold: "The count × the unit price of the tier it falls in.",
  constant_threshold: "The flat amount of the tier the count falls in.",
};

export const exportFieldLabels = { email: "Email", firstName: "First name", lastName: "Last name", entity: "Entity (internal name)" } as const;
