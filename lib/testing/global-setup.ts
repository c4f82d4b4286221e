import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type RunningPostgres } from "../../db/embedded";
import { migrateDatabase } from "../../db/migrate";
import { freePort } from "../runtime/processes";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let pg: RunningPostgres | undefined;

/** A real PostgreSQL for the whole run: DATABASE_URL when given, else a throwaway embedded one. */
export async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dm-vitest-pg-"));
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), persistent: false });
    url = pg.url;
  }
  await migrateDatabase(url);
  project.provide("databaseUrl", url);
}

export async function teardown() {
  await pg?.stop();
}
