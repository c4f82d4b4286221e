import type postgres from "postgres";
import { getSql } from "../../db";
import { now, sample, type Sample } from "./execution-measure";
import type { TargetingCase } from "./execution-targeting";

// What would change B5's figures, measured without a migration: each variant runs in a
// transaction that is rolled back, its DDL (drop a constraint, create an index) first and
// untimed, then the app's own statement (captured from drizzle) 3 times, each undone by a
// savepoint. Proposals, not changes: nothing here survives the run.

export type WhatIf = { case: string; variant: string; ddl: string[]; ms: Sample; rows: number; plan?: string };

const FK = {
  entity: "alter table workflow_targets drop constraint workflow_targets_entity_id_entities_id_fk",
  contact: "alter table workflow_targets drop constraint workflow_targets_contact_id_contacts_id_fk",
  workflow: "alter table workflow_targets drop constraint workflow_targets_workflow_id_workflows_id_fk",
};
export const SEGMENT_INDEX = "create index contacts_attr_segment_idx on contacts ((lower(coalesce(attributes ->> 'segment', ''))))";

class Rollback extends Error {}

async function variant(sql: postgres.Sql, c: TargetingCase, name: string, ddl: string[], params: unknown[], runs = 3): Promise<WhatIf> {
  const ms: number[] = [];
  let rows = 0;
  let plan: string | undefined;
  try {
    await sql.begin(async (tx) => {
      for (const d of ddl) await tx.unsafe(d);
      if (ddl.some((d) => d.startsWith("create index"))) await tx`analyze contacts`;
      for (let i = 0; i <= runs; i++) {
        await tx`savepoint w`;
        const t0 = now();
        const res = await tx.unsafe(c.oursSql, params as postgres.ParameterOrJSON<never>[]);
        if (i > 0) ms.push(now() - t0); // the first is a warm-up
        rows = res.count;
        await tx`rollback to savepoint w`;
      }
      await tx`savepoint w`;
      plan = (await tx.unsafe(`explain (analyze, buffers) ${c.oursSql}`, params as postgres.ParameterOrJSON<never>[])).map((r) => String(r["QUERY PLAN"])).join("\n");
      await tx`rollback to savepoint w`;
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  await sql`vacuum workflow_targets`;
  return { case: c.name, variant: name, ddl, ms: sample(ms), rows, plan };
}

/** The variants, on the first two runQuery cases (the app's INSERT with its own parameters). */
export async function whatIfs(cases: (TargetingCase & { oursParamValues: unknown[] })[]): Promise<WhatIf[]> {
  const sql = getSql();
  const out: WhatIf[] = [];
  const [q1, q2] = cases;
  if (q1) {
    console.log("B5 what-if: foreign keys of workflow_targets…");
    out.push(await variant(sql, q1, "as migrated (3 foreign keys)", [], q1.oursParamValues));
    out.push(await variant(sql, q1, "without the entity_id foreign key", [FK.entity], q1.oursParamValues));
    out.push(await variant(sql, q1, "without the entity_id and contact_id foreign keys", [FK.entity, FK.contact], q1.oursParamValues));
    out.push(await variant(sql, q1, "without any foreign key (floor)", [FK.entity, FK.contact, FK.workflow], q1.oursParamValues));
  }
  if (q2) {
    console.log("B5 what-if: an expression index for segment…");
    out.push(await variant(sql, q2, "as migrated", [], q2.oursParamValues));
    out.push(await variant(sql, q2, "with an expression index on the segment attribute", [SEGMENT_INDEX], q2.oursParamValues));
    if (q1) out.push(await variant(sql, q1, "with an expression index on the segment attribute", [SEGMENT_INDEX], q1.oursParamValues));
  }
  return out;
}
