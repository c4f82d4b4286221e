import { randomUUID } from "node:crypto";
import type { WorkflowActivity } from "@/db/schema";

/**
 * Turns the outline edited as an ordered list into the stored graph: each activity leads to the
 * one after it. Ids survive edits so that later steps (deliveries, approvals) can keep naming
 * the activity they belong to; a new activity gets one here.
 */
export function linkActivities(outline: { id?: string; kind: WorkflowActivity["kind"]; label: string }[]): WorkflowActivity[] {
  const ids = outline.map((a) => a.id || randomUUID());
  return outline.map((a, i) => ({ id: ids[i]!, kind: a.kind, label: a.label, next: i + 1 < ids.length ? [ids[i + 1]!] : [] }));
}

