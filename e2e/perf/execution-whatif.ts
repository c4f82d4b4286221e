import type postgres from "postgres";
import { getSql } from "../../db";
import { now, sample, type Sample } from "./execution-measure";
import type { TargetingCase } from "./execution-targeting";

// What would change B5's figures, measured without a migration: each variant runs in a
// transaction that is rolled back, its DDL (add a constraint, create an index) first and
// untimed, then the app's own statement (captured from drizzle, or rewritten) 3 times, each
// undone by a savepoint. Nothing here survives the run.

export type WhatIf = { case: string; variant: string; ddl: string[]; ms: Sample; rows: number; plan?: string };

// The foreign keys workflow_targets had before migration 0018, put back for new rows only.
const FK = {
  entity: "alter table workflow_targets add constraint wt_entity_fk foreign key (entity_id) references entities(id) on delete cascade not valid",
  contact: "alter table workflow_targets add constraint wt_contact_fk foreign key (contact_id) references contacts(id) on delete cascade not valid",
  workflow: "alter table workflow_targets add constraint wt_workflow_fk foreign key (workflow_id) references workflows(id) on delete cascade not valid",
};
/** The statement without its ORDER BY: rows reach the primary key in the scan's order. */
const scanOrder = (q: string) => q.replace(/\s+order by "contacts"\."entity_id"\s*$/i, "");
export const SEGMENT_INDEX = "create index contacts_attr_segment_idx on contacts ((lower(coalesce(attributes ->> 'segment', ''))))";

class Rollback extends Error {}

async function variant(sql: postgres.Sql, c: TargetingCase, name: string, ddl: string[], params: unknown[], rewrite?: (q: string) => string, runs = 3): Promise<WhatIf> {
  const query = rewrite ? rewrite(c.oursSql) : c.oursSql;
  if (rewrite && query === c.oursSql) throw new Error(`what-if "${name}": the rewrite did not apply to ${c.oursSql}`);
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
        const res = await tx.unsafe(query, params as postgres.ParameterOrJSON<never>[]);
        if (i > 0) ms.push(now() - t0); // the first is a warm-up
        rows = res.count;
        await tx`rollback to savepoint w`;
      }
      await tx`savepoint w`;
      plan = (await tx.unsafe(`explain (analyze, buffers) ${query}`, params as postgres.ParameterOrJSON<never>[])).map((r) => String(r["QUERY PLAN"])).join("\n");
      await tx`rollback to savepoint w`;
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  await sql`vacuum workflow_targets`;
  return { case: c.name, variant: name, ddl: query === c.oursSql ? ddl : [...ddl, "(the INSERT without its ORDER BY)"], ms: sample(ms), rows, plan };
}

/** The variants, on the first two runQuery cases (the app's INSERT with its own parameters). */
export async function whatIfs(cases: (TargetingCase & { oursParamValues: unknown[] })[]): Promise<WhatIf[]> {
  const sql = getSql();
  const out: WhatIf[] = [];
  const [q1, q2] = cases;
  if (q1) {
    console.log("B5 what-if: workflow_targets' design…");
    out.push(await variant(sql, q1, "as migrated (no foreign key, one index, rows in entity order)", [], q1.oursParamValues));
    out.push(await variant(sql, q1, "rows in the scan's order", [], q1.oursParamValues, scanOrder));
    out.push(await variant(sql, q1, "with the entity_id foreign key of before 0018", [FK.entity], q1.oursParamValues));
    out.push(await variant(sql, q1, "with the three foreign keys of before 0018", [FK.entity, FK.contact, FK.workflow], q1.oursParamValues));
  }
  if (q2) {
    console.log("B5 what-if: an expression index for segment…");
    out.push(await variant(sql, q2, "as migrated", [], q2.oursParamValues));
    out.push(await variant(sql, q2, "with an expression index on the segment attribute", [SEGMENT_INDEX], q2.oursParamValues));
    if (q1) out.push(await variant(sql, q1, "with an expression index on the segment attribute", [SEGMENT_INDEX], q1.oursParamValues));
  }
  return out;
}
