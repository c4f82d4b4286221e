import { sql as dsql } from "drizzle-orm";
import { getDb, getSql } from "../../db";
import { runSplit } from "../../lib/execution/population";
import { createWorkflow, TARGET_SEGMENT, type Fixture } from "./execution-data";
import { now, rolledBack } from "./execution-measure";

// runSplit right after runQuery, in the same transaction, as advanceOne (lib/execution/runner.ts)
// runs them: the population just inserted is not in workflow_targets' statistics yet. Measured
// at growing sizes, each in a rolled-back transaction with a statement timeout, and again with
// an ANALYZE of workflow_targets between the insert and the split.

/** null: over the timeout; skipped: a smaller size already timed out in the same transaction. */
export type SplitPoint = { targets: number; sameTxMs: number | null; analyzedMs: number | null; skipped: boolean };
export type SplitProbe = { timeoutMs: number; points: SplitPoint[]; sameTxPlan: string; analyzedPlan: string; largest: number };

const insertTargets = (n: number) => `insert into workflow_targets (workflow_id, contact_id, entity_id)
  select $1::uuid, id, entity_id from contacts where attributes ->> 'segment' = '${TARGET_SEGMENT}' order by id limit ${n}`;

/** The split statement of runSplit for a distribution on `entity` with fixed-size rows, as it sends it. */
const splitSql = `with candidates as (
      select t.contact_id, r."limit" as lim,
        row_number() over (partition by r.id order by md5(t.contact_id::text || $1)) as rn,
        count(*) over (partition by r.id) as n
      from workflow_targets t
      join contacts c on c.id = t.contact_id
      join entities e on e.id = t.entity_id
      join data_distribution_rows r on r.distribution_id = $2 and lower(r.value) = lower(e.internal_name) and r.entity_id = t.entity_id
      where t.workflow_id = $1 and t.excluded_by is null
    ), kept as (
      select k.contact_id from candidates k where k.lim = 0 or k.rn <= k.lim
    )
    update workflow_targets t set excluded_by = 's', reason = 'split'
    where t.workflow_id = $1 and t.excluded_by is null
      and not exists (select 1 from kept where kept.contact_id = t.contact_id)`;

async function timedSplit(workflowId: string, distributionId: string, n: number, analyze: boolean, timeoutMs: number): Promise<number | null> {
  try {
    return await rolledBack(getDb(), async (tx) => {
      await tx.execute(dsql.raw(`set local statement_timeout = ${timeoutMs}`));
      await tx.execute(dsql.raw(insertTargets(n).replace("$1::uuid", `'${workflowId}'::uuid`)));
      if (analyze) await tx.execute(dsql.raw("analyze workflow_targets"));
      const t0 = now();
      await runSplit(tx, workflowId, "s", distributionId);
      return now() - t0;
    });
  } catch (e) {
    if (String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === "57014" || /statement timeout/.test(String(e))) return null;
    throw e;
  } finally {
    await getSql()`vacuum analyze workflow_targets`;
  }
}

async function planOf(workflowId: string, distributionId: string, n: number, analyze: boolean): Promise<string> {
  const sql = getSql();
  let text = "";
  try {
    await sql.begin(async (tx) => {
      await tx.unsafe(insertTargets(n), [workflowId]);
      if (analyze) await tx`analyze workflow_targets`;
      // Plain EXPLAIN (ANALYZE would run it): the plan the planner picks, with its estimates.
      text = (await tx.unsafe(`explain ${splitSql}`, [workflowId, distributionId])).map((r) => String(r["QUERY PLAN"])).join("\n");
      throw new Error("rollback");
    });
  } catch (e) {
    if ((e as Error).message !== "rollback") throw e;
  }
  await sql`vacuum analyze workflow_targets`;
  return text;
}

export async function splitProbe(fx: Fixture, sizes: number[], timeoutMs: number): Promise<SplitProbe> {
  const sql = getSql();
  const workflowId = await createWorkflow(sql, fx.bta.campaignId, "B4 split probe", [{ field: "segment", operator: "equals", value: TARGET_SEGMENT }]);
  const points: SplitPoint[] = [];
  let slow = false;
  for (const n of sizes) {
    // Once a size times out in the same transaction, larger ones would too: not retried.
    const sameTxMs = slow ? null : await timedSplit(workflowId, fx.distributionId, n, false, timeoutMs);
    const analyzedMs = await timedSplit(workflowId, fx.distributionId, n, true, timeoutMs);
    points.push({ targets: n, sameTxMs, analyzedMs, skipped: slow && sameTxMs === null && points.some((p) => p.sameTxMs === null) });
    if (sameTxMs === null) slow = true;
    console.log(`  split of ${n}: same transaction ${sameTxMs === null ? `> ${timeoutMs} ms or skipped` : `${sameTxMs.toFixed(0)} ms`}, after ANALYZE ${analyzedMs === null ? "timeout" : `${analyzedMs.toFixed(0)} ms`}`);
  }
  const finished = points.filter((p) => p.sameTxMs !== null);
  const mid = finished.length ? finished.at(-1)!.targets : sizes[0]!;
  // Plans at the largest size that finished in the same transaction.
  const sameTxPlan = await planOf(workflowId, fx.distributionId, mid, false);
  const analyzedPlan = await planOf(workflowId, fx.distributionId, mid, true);
  return { timeoutMs, points, sameTxPlan, analyzedPlan, largest: mid };
}
