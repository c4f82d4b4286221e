import { RESULTS, writeResultsSection } from "./results-file";
import { executionSummary } from "./execution-summary";
import { writeBenchSummary } from "./suite-report";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { closeDb, getSql } from "../../db";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { closeTransport } from "../../lib/mail/transport";
import { freePort } from "../../lib/runtime/processes";
import { generateCampaigns, generateContacts, TARGET_SEGMENT } from "./execution-data";
import { claimProbe, type ClaimProbe } from "./execution-claim";
import { benchDelivery, materializePlan, setupDelivery, type DeliveryMode } from "./execution-delivery";
import { renderExecutionReport, runQueryAnalyzes } from "./execution-report";
import { environment, type ExecEnvironment } from "./run-environment";
import { benchTargeting } from "./execution-targeting";
import { startSink } from "./smtp-sink";
import { generateEntities } from "./generate";
import { timeOnce } from "./measure";

// Issue 7, B4 and B5 (issue 5, "Scale it must hold"): the targeting query over 1,000,000
// contacts and a delivery to 100,000 contacts into a local SMTP sink, each beside its anchor in
// the same run. A benchmark, not a test: it reports, it asserts nothing (it does check that the
// sink got exactly the queued messages, and says so).
//
//   npm run bench:execution                 full scale, writes its section of RESULTS.md
//   npm run bench:execution -- --smoke      1/100 of the data, prints only (well under a minute)
//   … -- --delivery-runs=1                  one delivery instead of a warm-up and 3 runs

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const opt = (name: string, dflt: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? dflt);
const SCALE = smoke ? 100 : 1;
const ENTITIES = opt("entities", 10_000) / SCALE;
const CONTACTS = opt("contacts", 1_000_000) / SCALE;
// B4: a warm-up (a twentieth of the target) then 3 runs; the smoke run does one.
const DELIVERY_RUNS = opt("delivery-runs", 3);

async function sizes(): Promise<[string, number | string][]> {
  const [s] = await getSql()`select
    (select count(*) from entities where internal_name like 'bench-e-%')::int as entities,
    (select count(*) from contacts)::int as contacts,
    (select count(*) from contacts where attributes ->> 'segment' = 'seg-3')::int as target,
    (select count(*) from orders)::int as orders,
    pg_size_pretty(pg_total_relation_size('contacts')) as contacts_size`;
  const byStatus = await getSql()`select status, count(*)::int as n from contacts group by status order by status`;
  return [
    ["local entities", s!.entities],
    ["contacts", s!.contacts],
    ["contacts by status", byStatus.map((r) => `${r.status} ${r.n}`).join(", ")],
    ["contacts with segment = seg-3 (the delivery's target)", s!.target],
    ["contacts table + indexes", s!.contacts_size],
    ["orders (personalization values; subscriptions)", s!.orders],
  ];
}

const writeSection = (section: string) => writeResultsSection("execution", section);

const FIGURES = path.join(os.tmpdir(), `dm-bench-execution-figures${smoke ? "-smoke" : ""}.json`);
type Figures = { env: ExecEnvironment; targeting?: Awaited<ReturnType<typeof benchTargeting>>; delivery?: Awaited<ReturnType<typeof benchDelivery>>; materializePlan?: string; claimProbe?: ClaimProbe };
const onlyB5 = args.includes("--only=b5");
const onlyProbes = args.includes("--only=probes");

async function publish({ env, targeting, delivery }: Figures, resized: boolean) {
  if (!delivery || !targeting) {
    console.log("B5 only: nothing rendered (merge with a full run's figures: --render=FULL.json,B5.json)");
    return;
  }
  const report = renderExecutionReport(env, targeting, delivery);
  console.log(`\n${report}`);
  writeBenchSummary(executionSummary(targeting.cases, delivery, Boolean(env.smoke)));
  if (resized) console.log("smoke or resized run: RESULTS.md left as it is");
  else {
    await writeSection(report);
    console.log(`written its section of ${path.relative(process.cwd(), RESULTS)}`);
  }
}

async function main() {
  // --render=FILE: write the report again from a run's figures (the run dumps them), no measuring.
  const render = args.find((a) => a.startsWith("--render="))?.slice("--render=".length);
  // Several files: the later ones' B5 figures replace the earlier ones' (a B5-only rerun), noted.
  if (render) {
    const runs = await Promise.all(render.split(",").map(async (f) => JSON.parse(await readFile(f, "utf8")) as Figures));
    // B5 from the last file that has it; probes (materialize plan, claim) from the last that has them.
    const merged = runs.reduce((a, b) => ({
      env: b.targeting
        ? { ...a.env, b5From: b.env.date, load: [...a.env.load, ...b.env.load], b4RunQueryAnalyzed: a.env.b4RunQueryAnalyzed ?? (a.targeting ? runQueryAnalyzes(a.targeting.cases) : undefined) }
        : { ...a.env, probesFrom: b.claimProbe ? b.env.date : a.env.probesFrom },
      targeting: b.targeting ?? a.targeting,
      delivery: a.delivery && { ...a.delivery, materializePlan: b.materializePlan ?? a.delivery.materializePlan, claimProbe: b.claimProbe ?? a.delivery.claimProbe },
    }));
    return publish(merged, smoke);
  }
  const started = Date.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), "dm-bench-exec-"));
  const dataDir = path.join(dir, "data");
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  const sink = await startSink();
  const load = [os.loadavg()[0]!];
  // Ctrl-C: stop the children this run started (PostgreSQL, the sink) before leaving.
  const interrupted = async () => {
    await sink.stop().catch(() => {});
    await pg.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    process.env.DATABASE_URL = pg.url;
    process.env.NEXTAUTH_SECRET ??= "bench-execution-secret";
    process.env.APP_URL = "http://localhost:3000";
    await migrateDatabase(pg.url);
    const sql = getSql();
    const generation: [string, number][] = [];
    const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      let out: T;
      generation.push([name, await timeOnce(async () => void (out = await fn()))]);
      console.log(`generated: ${name} (${generation.at(-1)![1].toFixed(0)} ms)`);
      return out!;
    };
    await step(`${ENTITIES} entities + users + group members`, () => generateEntities(sql, ENTITIES));
    await step(`${CONTACTS} contacts`, () => generateContacts(sql, CONTACTS));
    const fx = await step("campaigns, packages, orders, distribution, earlier deliveries", () => generateCampaigns(sql, { contacts: CONTACTS }));
    await step("VACUUM ANALYZE", () => sql`vacuum analyze`);
    const env: ExecEnvironment = { ...(await environment(sql)), generation, sizes: await sizes(), smoke, load };

    const targeting = onlyProbes ? undefined : await benchTargeting(fx, { runs: 3, evaluateRuns: 15 });
    load.push(os.loadavg()[0]!);
    if (onlyB5 || onlyProbes) {
      // And the plan of materializeMessages over the 100k population (the full run has it too).
      const { workflowId } = await setupDelivery(fx, "B4 delivery", [{ field: "segment", operator: "equals", value: TARGET_SEGMENT }], false);
      const plan = await materializePlan(fx, workflowId);
      const claim = await claimProbe(fx, workflowId);
      const out = FIGURES.replace(/\.json$/, onlyB5 ? "-b5.json" : "-probes.json");
      await writeFile(out, JSON.stringify({ env, targeting, materializePlan: plan, claimProbe: claim }));
      console.log(`figures dumped to ${out}`);
      return;
    }
    const modes: DeliveryMode[] = [{ name: "as shipped", runs: smoke ? 1 : DELIVERY_RUNS, warmup: !smoke && DELIVERY_RUNS > 1 }];
    const splitSizes = [2_500, 5_000, 10_000, 20_000, 100_000].map((n) => n / SCALE);
    const delivery = await benchDelivery(fx, { sink, dataDir, modes, splitSizes, splitTimeoutMs: 60_000 });
    load.push(os.loadavg()[0]!);
    env.totalSeconds = (Date.now() - started) / 1000;

    await writeFile(FIGURES, JSON.stringify({ env, targeting, delivery }));
    console.log(`figures dumped to ${FIGURES} (re-render with --render=${FIGURES})`);
    await publish({ env, targeting, delivery }, smoke || ENTITIES !== 10_000 || CONTACTS !== 1_000_000);
  } finally {
    closeTransport();
    await sink.stop();
    await closeDb();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
