import { sql } from "drizzle-orm";
import { type AnyPgColumn, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { campaigns, deliveries } from "./campaigns";
import { costCategories, providers } from "./providers";
import { users } from "./users";

// §9 Budgets. Money is numeric, read and written as decimal strings, never a JS float. Amounts the
// user types are cents (scale 2); amounts budgetMgt computes keep the cost structures' scale 4.
const money = (name: string) => numeric(name, { precision: 16, scale: 4 });

export const budgets = pgTable(
  "budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    label: text("label").notNull(),
    // ISO 4217 code.
    currency: text("currency").notNull().default("EUR"),
    parentId: uuid("parent_id").references((): AnyPgColumn => budgets.id, { onDelete: "set null" }),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    allocated: numeric("allocated", { precision: 16, scale: 2 }).notNull().default("0"),
    // What budgetMgt consolidates from this budget's own campaigns (own*), and with its child
    // budgets' figures added (the columns without a prefix, which the screens show).
    ownPlanned: money("own_planned").notNull().default("0"),
    ownReserved: money("own_reserved").notNull().default("0"),
    ownCommitted: money("own_committed").notNull().default("0"),
    ownSpent: money("own_spent").notNull().default("0"),
    ownInvoiced: money("own_invoiced").notNull().default("0"),
    planned: money("planned").notNull().default("0"),
    reserved: money("reserved").notNull().default("0"),
    committed: money("committed").notNull().default("0"),
    spent: money("spent").notNull().default("0"),
    invoiced: money("invoiced").notNull().default("0"),
    // When a figure last changed; lastCostCalculation() says when they were last checked.
    computedAt: timestamp("computed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("budgets_parent_idx").on(t.parentId)],
);

/** Expense categories of a budget; their allocated amounts together never exceed the budget's. */
export const budgetCategories = pgTable(
  "budget_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    budgetId: uuid("budget_id").notNull().references(() => budgets.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    allocated: numeric("allocated", { precision: 16, scale: 2 }).notNull().default("0"),
  },
  (t) => [index("budget_categories_budget_idx").on(t.budgetId)],
);

export const budgetProcessStatus = pgEnum("budget_process_status", ["being_edited", "defined"]);
export const commitmentLevel = pgEnum("commitment_level", ["planned", "reserved", "committed"]);
export const taskStatus = pgEnum("task_status", ["planned", "in_progress", "finished"]);

// §2 A campaign task (design, printing, an agency's days): its cost is its category's cost
// structures applied to its days once it is finished.
export const campaignTasks = pgTable(
  "campaign_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    status: taskStatus("status").notNull().default("planned"),
    days: integer("days").notNull().default(0),
    providerId: uuid("provider_id").references(() => providers.id, { onDelete: "set null" }),
    costCategoryId: uuid("cost_category_id").references(() => costCategories.id, { onDelete: "set null" }),
    provisionalCost: money("provisional_cost").notNull().default("0"),
    calculatedCost: money("calculated_cost").notNull().default("0"),
    realCost: money("real_cost"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("campaign_tasks_campaign_idx").on(t.campaignId),
    index("campaign_tasks_cost_category_idx").on(t.costCategoryId).where(sql`${t.costCategoryId} is not null`),
  ],
);

/**
 * The campaign's expense lines: one per delivery and per task, kept by budgetMgt (amount = the
 * item's calculated cost, real amount = its real cost), and the lines operators add by hand.
 */
export const expenseLines = pgTable(
  "expense_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    deliveryId: uuid("delivery_id").unique().references(() => deliveries.id, { onDelete: "cascade" }),
    taskId: uuid("task_id").unique().references(() => campaignTasks.id, { onDelete: "cascade" }),
    budgetCategoryId: uuid("budget_category_id").references(() => budgetCategories.id, { onDelete: "set null" }),
    label: text("label").notNull(),
    amount: money("amount").notNull().default("0"),
    realAmount: money("real_amount"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("expense_lines_campaign_idx").on(t.campaignId), index("expense_lines_updated_idx").on(t.updatedAt)],
);

export const invoiceStatus = pgEnum("invoice_status", ["received", "approved", "paid"]);

export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id").notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id").references(() => providers.id, { onDelete: "set null" }),
    number: text("number").notNull(),
    issuedOn: date("issued_on").notNull(),
    status: invoiceStatus("status").notNull().default("received"),
    paidOn: date("paid_on"),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invoices_campaign_idx").on(t.campaignId)],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id").notNull().references(() => invoices.id, { onDelete: "cascade" }),
    expenseLineId: uuid("expense_line_id").references(() => expenseLines.id, { onDelete: "set null" }),
    label: text("label").notNull(),
    amount: money("amount").notNull(),
  },
  (t) => [index("invoice_lines_invoice_idx").on(t.invoiceId)],
);
