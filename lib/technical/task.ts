import type { Tx } from "@/db";
import { enqueueJob } from "@/jobs/enqueue";

export const RUN_TECHNICAL_WORKFLOW = "run_technical_workflow";

/**
 * Asks a technical workflow to run soon, for a change someone is waiting on, rather than at its
 * next slot. One such run per workflow is queued at a time; the change itself is recorded by
 * the caller, in the same transaction.
 */
export async function runTechnicalWorkflowSoon(tx: Tx, workflow: "operationMgt" | "deliveryMgt" | "supplierMgt" | "budgetMgt" | "stockMgt") {
  await enqueueJob(tx, RUN_TECHNICAL_WORKFLOW, { workflow, trigger: "command" }, { jobKey: `technical:${workflow}:command`, maxAttempts: 1 });
}

export const runOperationMgtSoon = (tx: Tx) => runTechnicalWorkflowSoon(tx, "operationMgt");
export const runDeliveryMgtSoon = (tx: Tx) => runTechnicalWorkflowSoon(tx, "deliveryMgt");
export const runSupplierMgtSoon = (tx: Tx) => runTechnicalWorkflowSoon(tx, "supplierMgt");
export const runBudgetMgtSoon = (tx: Tx) => runTechnicalWorkflowSoon(tx, "budgetMgt");
export const runStockMgtSoon = (tx: Tx) => runTechnicalWorkflowSoon(tx, "stockMgt");
