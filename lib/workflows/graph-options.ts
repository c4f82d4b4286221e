import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { dataDistributions, providers } from "@/db/schema";

/** What the workflow editor offers: data distributions (Split, Local approval) and providers (direct mail). */
export async function workflowEditorOptions(db: DbOrTx) {
  const [distributions, providerRows] = await Promise.all([
    db.select({ id: dataDistributions.id, label: dataDistributions.label }).from(dataDistributions).orderBy(asc(dataDistributions.label), asc(dataDistributions.id)).limit(500),
    db.select({ id: providers.id, label: providers.name }).from(providers).orderBy(asc(providers.name), asc(providers.id)).limit(500),
  ]);
  return { distributions, providers: providerRows };
}
export type WorkflowEditorOptions = Awaited<ReturnType<typeof workflowEditorOptions>>;
