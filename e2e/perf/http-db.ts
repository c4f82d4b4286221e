import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { closeDb, getSql } from "../../db";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { seedDemoData } from "../../db/seed";
import { freePort } from "../../lib/runtime/processes";
import { generateEntities, generatePackages } from "./generate";
import { timeOnce } from "./measure";

// The HTTP and memory benchmarks' database: a throwaway embedded PostgreSQL, migrated, with the
// demo network (its central operator signs in) and the packages list's data set at scale.

export type BenchDb = {
  url: string;
  dataDir: string;
  postgres: string;
  /** Generation steps and their ms. */
  generation: [string, number][];
  stop: () => Promise<void>;
};

export async function benchDatabase(size: { entities: number; packages: number }, more?: (step: (name: string, fn: () => Promise<unknown>) => Promise<void>) => Promise<void>): Promise<BenchDb> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "dm-bench-http-pg-"));
  const dataDir = path.join(dir, "data");
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  const stop = async () => {
    await closeDb();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    process.env.DATABASE_URL = pg.url;
    await migrateDatabase(pg.url);
    const sql = getSql();
    const generation: [string, number][] = [];
    const step = async (name: string, fn: () => Promise<unknown>) => void generation.push([name, await timeOnce(fn)]);
    await step("demo data (seedDemoData)", () => seedDemoData());
    await step(`${size.entities} entities + users + group members`, () => generateEntities(sql, size.entities));
    await step(`${size.packages} packages`, () => generatePackages(sql, size.packages));
    if (more) await more(step);
    await step("VACUUM ANALYZE", () => sql`vacuum analyze`);
    const [v] = await sql`select version() as v, current_setting('shared_buffers') as sb, current_setting('work_mem') as wm`;
    const postgres = `${v!.v} (shared_buffers ${v!.sb}, work_mem ${v!.wm}, fsync off: throwaway cluster)`;
    return { url: pg.url, dataDir, postgres, generation, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
