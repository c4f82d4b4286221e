import { RESULTS, writeResultsSection } from "./results-file";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, getSql } from "../../db";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { seedDemoData } from "../../db/seed";
import { loadActor } from "../../lib/auth/actor";
import { freePort } from "../../lib/runtime/processes";
import { benchCascade } from "./cascade";
import { generateCascadePackage, generateEntities, generatePackages } from "./generate";
import { benchList, benchPageExtras } from "./list";
import { timeOnce } from "./measure";
import { renderReport, type Environment } from "./report";
import { liveOrdersLeft, packagesSummary } from "./packages-summary";
import { writeBenchSummary } from "./suite-report";

// Issue 3, "Scale it must hold", and issue 7's B1 (in process) and B3: figures for the packages
// list at 100,000 packages and for a cancel cascade over 10,000 orders. A benchmark, not a test:
// it reports, and checks only what must be exact. `-- --smoke`: 1/100 of the data, writes nothing.
const smoke = process.argv.includes("--smoke");
const ENTITIES = smoke ? 100 : 10_000;
const PACKAGES = smoke ? 1_000 : 100_000;

async function environment(): Promise<Omit<Environment, "generation" | "sizes">> {
  const [v] = await getSql()`select version() as version, current_setting('shared_buffers') as sb, current_setting('work_mem') as wm,
    (select datcollate from pg_database where datname = current_database()) as collate`;
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    // nproc missing: Node's count of usable CPUs says the same thing.
  }
  return {
    date: new Date().toISOString(),
    nproc,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    postgres: `${v!.version} (shared_buffers ${v!.sb}, work_mem ${v!.wm}, collation ${v!.collate}, fsync off: throwaway cluster)`,
  };
}

async function sizes(): Promise<[string, number | string][]> {
  const [s] = await getSql()`select
    (select count(*) from entities where kind = 'local')::int as entities,
    (select count(*) from users)::int as users,
    (select count(*) from entity_group_members where "group" = 'package_notification')::int as members,
    (select count(*) from packages)::int as packages,
    (select count(*) from package_audience)::int as audience,
    (select count(*) from orders)::int as orders,
    pg_size_pretty(pg_total_relation_size('packages')) as packages_size`;
  const byStatus = await getSql()`select status, count(*)::int as n from packages group by status order by status`;
  return [
    ["local entities", s!.entities],
    ["users", s!.users],
    ["package-notification group members", s!.members],
    ["packages", s!.packages],
    ["packages by status", byStatus.map((r) => `${r.status} ${r.n}`).join(", ")],
    ["packages table + indexes", s!.packages_size],
    ["package_audience rows", s!.audience],
    ["orders", s!.orders],
  ];
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "dm-bench-pg-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), persistent: false });
  try {
    process.env.DATABASE_URL = pg.url;
    await migrateDatabase(pg.url);
    await seedDemoData();
    const sql = getSql();
    const generation: [string, number][] = [];
    const step = async (name: string, fn: () => Promise<unknown>) => generation.push([name, await timeOnce(fn)]);
    await step(`${ENTITIES} entities + users + group members`, () => generateEntities(sql, ENTITIES));
    await step(`${PACKAGES} packages`, () => generatePackages(sql, PACKAGES));
    const ids = { ours: "", anchor: "", traced: "" };
    await step(`3 cascade packages × ${ENTITIES} audience + orders`, async () => {
      for (const k of ["ours", "anchor", "traced"] as const) ids[k] = (await generateCascadePackage(sql, k)).packageId;
    });
    // VACUUM too: index-only counts need the visibility map that autovacuum keeps in production.
    await step("VACUUM ANALYZE", () => sql`vacuum analyze`);
    const env: Environment = { ...(await environment()), generation, sizes: await sizes() };
    console.log("data generated; measuring the packages list…");

    const list = [...(await benchList()), ...(await benchPageExtras())];
    console.log("measuring the cancel cascade…");
    const [admin] = await sql`select id from users where email = 'admin@central.demo'`;
    const actor = (await loadActor(getDb(), admin!.id as string))!;
    const cascade = await benchCascade(actor, ids);

    const report = renderReport(env, list, cascade);
    console.log(`\n${report}`);
    writeBenchSummary(packagesSummary(list, cascade, { entities: ENTITIES, liveLeft: await liveOrdersLeft(sql, ids), smoke }));
    if (smoke) console.log("smoke run: RESULTS.md left as it is");
    else {
      await writeResultsSection("packages", report);
      console.log(`written its section of ${path.relative(process.cwd(), RESULTS)}`);
    }
  } finally {
    await closeDb();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
