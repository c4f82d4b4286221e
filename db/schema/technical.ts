import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// The five technical workflows (§10): whether each runs on its schedule, and every run it made.
export const technicalWorkflows = pgTable("technical_workflows", {
  id: text("id").primaryKey(),
  status: text("status", { enum: ["started", "stopped"] }).notNull().default("started"),
  updatedById: uuid("updated_by_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const technicalWorkflowRuns = pgTable(
  "technical_workflow_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workflowId: text("workflow_id").notNull(),
    trigger: text("trigger", { enum: ["schedule", "manual", "command"] }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    outcome: text("outcome", { enum: ["running", "succeeded", "failed"] }).notNull().default("running"),
    itemsHandled: integer("items_handled").notNull().default(0),
    details: jsonb("details").$type<Record<string, number | string>>().notNull().default({}),
    error: text("error"),
  },
  (t) => [index("technical_workflow_runs_workflow_idx").on(t.workflowId, t.startedAt)],
);
