import type { Tx } from "@/db";
import { carryOutWorkflowCommands } from "@/lib/workflows/commands";
import { sweepOverdueSteps } from "./operation-mgt";
import { RUN_TECHNICAL_WORKFLOW } from "./task";

export type RunResult = { itemsHandled: number; details: Record<string, number | string> };

export type TechnicalWorkflow = {
  id: "budgetMgt" | "stockMgt" | "deliveryMgt" | "operationMgt" | "supplierMgt";
  label: string;
  description: string;
  /** A graphile-worker crontab schedule (UTC); only `*\/N * * * *` forms are used. */
  every: { minutes: number };
  /** Set once the workflow does its work; until then the page says where it comes from. */
  run?: (tx: Tx) => Promise<RunResult>;
  arrivesWith?: string;
};

// The five technical workflows of §10, by their stable ids.
export const technicalWorkflowList: TechnicalWorkflow[] = [
  {
    id: "operationMgt",
    label: "Campaign jobs",
    description: "Carries out workflow commands (start, pause, stop) and sweeps overdue package publications and order availabilities.",
    every: { minutes: 1 },
    run: async (tx) => {
      const commands = await carryOutWorkflowCommands(tx);
      const swept = await sweepOverdueSteps(tx);
      const details = { ...commands, ...swept };
      return { itemsHandled: Object.values(details).reduce((a, b) => a + b, 0), details };
    },
  },
  { id: "deliveryMgt", label: "Deliveries", description: "Starts approved deliveries; sends approval notifications and reminders.", every: { minutes: 5 }, arrivesWith: "campaign execution (issue 5)" },
  { id: "supplierMgt", label: "Service provider jobs", description: "Extractions and files for service providers.", every: { minutes: 15 }, arrivesWith: "campaign execution (issue 5)" },
  { id: "budgetMgt", label: "Cost calculation", description: "Calculates costs and consolidates budgets.", every: { minutes: 60 }, arrivesWith: "budgets and stock (issue 6)" },
  { id: "stockMgt", label: "Stock: orders and alerts", description: "Recomputes stock levels and raises or clears alerts.", every: { minutes: 60 }, arrivesWith: "budgets and stock (issue 6)" },
];

export const technicalWorkflowIds = technicalWorkflowList.map((w) => w.id) as [TechnicalWorkflow["id"], ...TechnicalWorkflow["id"][]];

export function technicalWorkflow(id: string): TechnicalWorkflow | undefined {
  return technicalWorkflowList.find((w) => w.id === id);
}

export { RUN_TECHNICAL_WORKFLOW } from "./task";

/** The worker's crontab: one line per workflow that does its work, with a stable identifier. */
export function technicalCrontab(): string {
  return technicalWorkflowList
    .filter((w) => w.run)
    .map((w) => `*/${w.every.minutes} * * * * ${RUN_TECHNICAL_WORKFLOW} ?id=${w.id}&fill=${w.every.minutes}m&max=1 {workflow:"${w.id}",trigger:"schedule"}`)
    .join("\n");
}

/** When the schedule fires next after `from`. */
export function nextRunAfter(w: TechnicalWorkflow, from: Date): Date {
  const step = w.every.minutes * 60_000;
  return new Date(Math.floor(from.getTime() / step) * step + step);
}
