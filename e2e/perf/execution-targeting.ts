import type postgres from "postgres";
import { getDb, getSql } from "../../db";
import type { TargetingCondition, TypologyRules } from "../../db/schema";
import { evaluateTarget } from "../../lib/campaigns/targeting";
import { runQuery, type RunCampaign } from "../../lib/execution/population";
import { createWorkflow, TARGET_SEGMENT, type Fixture } from "./execution-data";
import { now, rolledBack, rolledBackSql, sample, tracedDb, triggersOf, type Captured, type Sample, type Trigger } from "./execution-measure";
import { whatIfs, type WhatIf } from "./execution-whatif";
import { explain, type Plan } from "./measure";

// B5: the targeting query over 1,000,000 contacts. Each of our runs is the app's own function
// (runQuery, evaluateTarget) through the app's pool; each anchor run is the same filter written
// by hand as one statement. A run that writes is rolled back, and workflow_targets is vacuumed
// after it (untimed), so every run starts from the same table.

export type TargetingCase = {
  name: string;
  what: string;
  conditions: TargetingCondition[];
  ours: Sample;
  anchor: Sample;
  rows: { ours: number; anchor: number };
  /** Statements the app sent in one run (populationScope's reads, the delete, the insert). */
  statements: string[];
  oursSql: string;
  anchorSql: string;
  oursPlan: Plan;
  anchorPlan: Plan;
  triggers: Trigger[];
  /** Parameters of the app's main statement: an IN list shows up here. */
  oursParams: number;
  oursParamValues: unknown[];
  /** The app's statement as drizzle sent it, replayed through postgres.js alone (evaluateTarget). */
  replay?: Sample;
};

const Q1: TargetingCondition[] = [{ field: "segment", operator: "equals", value: TARGET_SEGMENT }];
const Q2: TargetingCondition[] = [
  { field: "segment", operator: "equals", value: TARGET_SEGMENT.toUpperCase() },
  { field: "city", operator: "contains", value: "city 04" },
];

type Run = () => Promise<{ ms: number; rows: number }>;

/** One warm-up of each, then `runs` alternating runs (ours, anchor, ours, anchor…). */
async function alternate(ours: Run, anchor: Run, runs: number, between: () => Promise<unknown>) {
  await ours();
  await between();
  await anchor();
  await between();
  const o: number[] = [];
  const a: number[] = [];
  let rows = { ours: 0, anchor: 0 };
  for (let i = 0; i < runs; i++) {
    const x = await ours();
    await between();
    const y = await anchor();
    await between();
    o.push(x.ms);
    a.push(y.ms);
    rows = { ours: x.rows, anchor: y.rows };
  }
  return { ours: sample(o), anchor: sample(a), rows };
}

const vacuumTargets = () => getSql()`vacuum workflow_targets`;

/** The SQL the app sends, captured once (in a rolled-back transaction), for EXPLAIN. */
async function capture(run: (db: ReturnType<typeof tracedDb>["db"]) => Promise<unknown>): Promise<Captured[]> {
  const traced = tracedDb();
  await run(traced.db);
  await vacuumTargets();
  return traced.statements;
}

async function explainRolledBack(query: string, params: unknown[]): Promise<Plan> {
  const plan = await rolledBackSql(getSql(), (tx) => explain(tx, query, params));
  await vacuumTargets();
  return plan;
}

const short = (q: string) => q.replace(/\s+/g, " ").trim().slice(0, 90);

async function queryCase(opts: {
  name: string;
  what: string;
  workflowId: string;
  campaign: RunCampaign;
  conditions: TargetingCondition[];
  anchorSql: string;
  anchorParams: (string | number)[];
  runs: number;
}): Promise<TargetingCase> {
  const sql = getSql();
  const ours: Run = () =>
    rolledBack(getDb(), async (tx) => {
      const t0 = now();
      const rows = await runQuery(tx, opts.workflowId, opts.campaign, opts.conditions);
      return { ms: now() - t0, rows };
    });
  const anchor: Run = () =>
    rolledBackSql(sql, async (tx) => {
      const t0 = now();
      const res = await tx.unsafe(opts.anchorSql, opts.anchorParams);
      return { ms: now() - t0, rows: res.count };
    });
  const timed = await alternate(ours, anchor, opts.runs, vacuumTargets);
  const statements = await capture((db) => rolledBack(db, (tx) => runQuery(tx, opts.workflowId, opts.campaign, opts.conditions)));
  const insert = statements.find((s) => /^\s*insert into "workflow_targets"/i.test(s.query))!;
  const oursPlan = await explainRolledBack(insert.query, insert.params);
  const anchorPlan = await explainRolledBack(opts.anchorSql, opts.anchorParams);
  return {
    name: opts.name,
    what: opts.what,
    conditions: opts.conditions,
    ...timed,
    statements: statements.map((s) => short(s.query)),
    oursSql: insert.query,
    anchorSql: opts.anchorSql,
    oursPlan,
    anchorPlan,
    triggers: triggersOf(oursPlan.text),
    oursParams: insert.params.length,
    oursParamValues: insert.params,
  };
}

/** Untimed calls of each side before evaluateTarget's timed runs. */
export const EVALUATE_JIT_WARMUP = 300;

async function evaluateCase(entityId: string, typology: TypologyRules, runs: number): Promise<TargetingCase> {
  const sql = getSql();
  // The same counts as evaluateTarget, the pressure rule's included, written by hand for this typology.
  const excluded = [typology.excludeUnsubscribed && "'unsubscribed'", typology.excludeBounced && "'bounced'"].filter(Boolean);
  const pressure = typology.pressure
    ? `count(*) filter (where ${excluded.length ? `status not in (${excluded.join(", ")}) and ` : ""}(select count(*) from delivery_messages m
    where m.contact_id = contacts.id and m.sent_at > now() - make_interval(days => $3)) >= $4)::int`
    : "0";
  const anchorSql = `select count(*)::int as targeted, count(*) filter (where status = 'unsubscribed')::int as unsubscribed,
  count(*) filter (where status = 'bounced')::int as bounced, ${pressure} as pressure
from contacts where entity_id = $1 and lower(attributes ->> 'segment') = $2`;
  const anchorParams = [entityId, TARGET_SEGMENT.toLowerCase(), ...(typology.pressure ? [typology.pressure.days, typology.pressure.maxMessages] : [])];
  const ours: Run = async () => {
    const t0 = now();
    const r = await evaluateTarget(getDb(), entityId, Q1, typology);
    return { ms: now() - t0, rows: r.targeted };
  };
  const anchor: Run = async () => {
    const t0 = now();
    const [r] = await sql.unsafe(anchorSql, anchorParams);
    return { ms: now() - t0, rows: r!.targeted as number };
  };
  // A sub-millisecond call measured after one warm-up runs drizzle's builder and row mapping
  // before V8 has optimized them (1.7× the anchor, 2026-11-24); a server answers campaign pages
  // all day, so both sides are measured warm.
  for (let i = 0; i < EVALUATE_JIT_WARMUP; i++) {
    await ours();
    await anchor();
  }
  const timed = await alternate(ours, anchor, runs, async () => {});
  const traced = tracedDb();
  await evaluateTarget(traced.db, entityId, Q1, typology);
  const st = traced.statements[0]!;
  const oursPlan = await explain(sql, st.query, st.params);
  const anchorPlan = await explain(sql, anchorSql, anchorParams);
  // Where the difference lies: drizzle's exact SQL and parameters, sent without drizzle.
  const replayRuns: number[] = [];
  await sql.unsafe(st.query, st.params as postgres.ParameterOrJSON<never>[]);
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await sql.unsafe(st.query, st.params as postgres.ParameterOrJSON<never>[]);
    replayRuns.push(now() - t0);
  }
  return {
    replay: sample(replayRuns),
    name: "evaluateTarget, one entity",
    what: `Evaluate target (lib/campaigns/targeting.ts) for one entity, segment = ${TARGET_SEGMENT}: the counts behind the campaign page's figure (targeted, unsubscribed, bounced, held back by the pressure rule)`,
    conditions: Q1,
    ...timed,
    statements: traced.statements.map((s) => short(s.query)),
    oursSql: st.query,
    anchorSql,
    oursPlan,
    anchorPlan,
    triggers: [],
    oursParams: st.params.length,
    oursParamValues: st.params,
  };
}

/** A network-wide count(*) with Q1, by hand: how much of an INSERT … SELECT is the scan. */
export async function scanOnly(sql: postgres.Sql): Promise<{ serial: Plan; parallel: Plan }> {
  const q = `select count(*) from contacts where lower(attributes ->> 'segment') = $1`;
  const parallel = await explain(sql, q, [TARGET_SEGMENT]);
  const serial = await rolledBackSql(sql, async (tx) => {
    await tx`set local max_parallel_workers_per_gather = 0`;
    return explain(tx, q, [TARGET_SEGMENT]);
  });
  return { serial, parallel };
}

export type TargetingFigures = { cases: TargetingCase[]; scan: { serial: Plan; parallel: Plan }; whatIf: WhatIf[] };

export async function benchTargeting(fx: Fixture, opts: { runs: number; evaluateRuns: number }): Promise<TargetingFigures> {
  const sql = getSql();
  const bta: RunCampaign = { id: fx.bta.campaignId, entityId: null, templateId: fx.bta.templateId };
  const ref: RunCampaign = { id: fx.ref.campaignId, entityId: null, templateId: fx.ref.templateId };
  const w1 = await createWorkflow(sql, bta.id, "B5 query 1", Q1);
  const w2 = await createWorkflow(sql, bta.id, "B5 query 2", Q2);
  const w3 = await createWorkflow(sql, ref.id, "B5 query 3", Q1);
  const insertAnchor = (where: string) => `insert into workflow_targets (workflow_id, contact_id, entity_id)
select $1::uuid, c.id, c.entity_id from contacts c
where ${where}`;
  const cases: TargetingCase[] = [];
  console.log("B5: runQuery, segment equals…");
  cases.push(
    await queryCase({
      name: "runQuery: segment equals",
      what: `by-target-approval reference (every entity's contacts), segment = ${TARGET_SEGMENT}`,
      workflowId: w1,
      campaign: bta,
      conditions: Q1,
      anchorSql: insertAnchor(`lower(c.attributes ->> 'segment') = $2`),
      anchorParams: [w1, TARGET_SEGMENT],
      runs: opts.runs,
    }),
  );
  console.log("B5: runQuery, segment equals + city contains…");
  cases.push(
    await queryCase({
      name: "runQuery: segment equals + city contains",
      what: `by-target-approval reference, segment = ${TARGET_SEGMENT.toUpperCase()} (case-insensitive) and city contains "city 04"`,
      workflowId: w2,
      campaign: bta,
      conditions: Q2,
      anchorSql: insertAnchor(`lower(c.attributes ->> 'segment') = $2 and c.attributes ->> 'city' ilike $3`),
      anchorParams: [w2, TARGET_SEGMENT, "%city 04%"],
      runs: opts.runs,
    }),
  );
  console.log("B5: runQuery, subscribed entities…");
  cases.push(
    await queryCase({
      name: "runQuery: subscribed entities + segment",
      what: `reference campaign offered in a collaborative package, ${fx.ref.subscribed.toLocaleString("en-US")} entities subscribed (approved/available orders), segment = ${TARGET_SEGMENT}`,
      workflowId: w3,
      campaign: ref,
      conditions: Q1,
      anchorSql: insertAnchor(`c.entity_id in (select o.entity_id from orders o join packages p on p.id = o.package_id
    where p.reference_campaign_id = $3 and p.kind = 'collaborative' and o.status in ('approved', 'available'))
  and lower(c.attributes ->> 'segment') = $2`),
      anchorParams: [w3, TARGET_SEGMENT, ref.id],
      runs: opts.runs,
    }),
  );
  console.log("B5: evaluateTarget…");
  const [entity] = await sql`select id from entities where internal_name = 'bench-e-00042'`;
  cases.push(await evaluateCase(entity!.id as string, fx.typology, opts.evaluateRuns));
  const scan = await scanOnly(sql);
  return { cases, scan, whatIf: await whatIfs(cases.slice(0, 2)) };
}
