import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { freePort } from "../lib/runtime/processes";
import { startEmbeddedPostgres } from "./embedded";

describe("embedded PostgreSQL", () => {
  it("keeps its data across a restart when persistent", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dm-embedded-"));
    const port = await freePort();
    try {
      const first = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, persistent: true });
      let sql = postgres(first.url, { max: 1, onnotice: () => {} });
      await sql`create table kept (v text)`;
      await sql`insert into kept values ('still here')`;
      await sql.end();
      await first.stop();

      const second = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port, persistent: true });
      sql = postgres(second.url, { max: 1, onnotice: () => {} });
      expect(await sql`select v from kept`).toEqual([{ v: "still here" }]);
      await sql.end();
      await second.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
