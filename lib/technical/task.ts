import type { Tx } from "@/db";
import { enqueueJob } from "@/jobs/enqueue";

export const RUN_TECHNICAL_WORKFLOW = "run_technical_workflow";

/**
 * Asks operationMgt to run soon, for a command someone is waiting on, rather than at its next
 * slot. One such run is queued at a time; the command itself is recorded by the caller.
 */
export async function runOperationMgtSoon(tx: Tx) {
  await enqueueJob(tx, RUN_TECHNICAL_WORKFLOW, { workflow: "operationMgt", trigger: "command" }, { jobKey: "technical:operationMgt:command", maxAttempts: 1 });
}
