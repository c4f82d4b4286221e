import type { Tx } from "@/db";
import { runBudgetMgt } from "@/lib/budgets/budget-mgt";
import { createDueOccurrences } from "@/lib/campaigns/occurrences";
import { notifyDeliveryApprovals } from "@/lib/deliveries/approval-mail";
import { startReadyDeliveries } from "@/lib/deliveries/start";
import { advanceWorkflows } from "@/lib/execution/runner";
import { runSupplierMgt } from "@/lib/providers/supplier-mgt";
import { runStockMgt } from "@/lib/stock/stock-mgt";
import { carryOutWorkflowCommands } from "@/lib/workflows/commands";
import { sweepOverdueSteps } from "./operation-mgt";
import { RUN_TECHNICAL_WORKFLOW } from "./task";
import { incrementalSince } from "./watermark";

export type RunResult = { itemsHandled: number; details: Record<string, number | string> };

export type TechnicalWorkflow = {
  id: "budgetMgt" | "stockMgt" | "deliveryMgt" | "operationMgt" | "supplierMgt";
  label: string;
  description: string;
  /** A graphile-worker crontab schedule (UTC); only `*\/N * * * *` forms are used. */
  every: { minutes: number };
  run: (tx: Tx) => Promise<RunResult>;
};

// The five technical workflows of §10, by their stable ids.
export const technicalWorkflowList: TechnicalWorkflow[] = [
  {
    id: "operationMgt",
    label: "Campaign jobs",
    description: "Carries out workflow commands (start, pause, stop), runs the workflows' activities (targeting, splits, local approvals), creates the occurrences of recurring and periodic campaigns, and sweeps overdue package publications and order availabilities.",
    every: { minutes: 1 },
    run: async (tx) => {
      // Occurrences first: a recurring one's start command is then carried out in this same run.
      const occurrences = await createDueOccurrences(tx);
      const commands = await carryOutWorkflowCommands(tx);
      const workflows = await advanceWorkflows(tx);
      const swept = await sweepOverdueSteps(tx);
      const details = { ...occurrences, ...commands, ...workflows, ...swept };
      return { itemsHandled: Object.values(details).reduce((a, b) => a + b, 0), details };
    },
  },
  {
    id: "deliveryMgt",
    label: "Jobs on deliveries in campaigns",
    description: "Starts approved deliveries that their workflow has reached, hands direct mail to its provider's steps, and sends delivery approval notifications and reminders.",
    every: { minutes: 1 },
    run: async (tx) => {
      const started = await startReadyDeliveries(tx);
      const approvals = await notifyDeliveryApprovals(tx);
      return { itemsHandled: started.started + approvals.notified + approvals.reminded, details: { ...started, ...approvals } };
    },
  },
  {
    id: "supplierMgt",
    label: "Jobs on service providers",
    description: "For direct-mail deliveries: makes the extraction file from the provider's export template, emails the approved file to the provider, and applies its post-processing.",
    every: { minutes: 15 },
    run: (tx) => runSupplierMgt(tx),
  },
  {
    id: "budgetMgt",
    label: "Cost calculation",
    description: "Calculates the costs of deliveries and tasks from their cost structures, keeps the expense lines, the calculated costs of campaigns, programs and plans, and consolidates budgets' Planned, Reserved, Committed, Spent and Invoiced.",
    every: { minutes: 5 },
    run: async (tx) => runBudgetMgt(tx, { since: await incrementalSince(tx, "budgetMgt") }),
  },
  {
    id: "stockMgt",
    label: "Stock: Orders and alerts",
    description: "Adds stock orders on their delivery date, recomputes consumed and in-stock per line from the deliveries, and raises or clears alerts, emailing the stock managers once per crossing.",
    every: { minutes: 15 },
    run: async (tx) => runStockMgt(tx, { since: await incrementalSince(tx, "stockMgt") }),
  },
];

export const technicalWorkflowIds = technicalWorkflowList.map((w) => w.id) as [TechnicalWorkflow["id"], ...TechnicalWorkflow["id"][]];

export function technicalWorkflow(id: string): TechnicalWorkflow | undefined {
  return technicalWorkflowList.find((w) => w.id === id);
}

export { RUN_TECHNICAL_WORKFLOW } from "./task";

/** The worker's crontab: one line per workflow that does its work, with a stable identifier. */
export function technicalCrontab(): string {
  return technicalWorkflowList
    .map((w) => `*/${w.every.minutes} * * * * ${RUN_TECHNICAL_WORKFLOW} ?id=${w.id}&fill=${w.every.minutes}m&max=1 {workflow:"${w.id}",trigger:"schedule"}`)
    .join("\n");
}

/** When the schedule fires next after `from`. */
export function nextRunAfter(w: TechnicalWorkflow, from: Date): Date {
  const step = w.every.minutes * 60_000;
  return new Date(Math.floor(from.getTime() / step) * step + step);
}
