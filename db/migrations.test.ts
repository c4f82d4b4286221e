import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

describe("migrations", () => {
  it("match the drizzle schema (drizzle-kit generates nothing new)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dm-drift-"));
    await cp(path.join(root, "db/migrations"), path.join(dir, "migrations"), { recursive: true });
    const config = path.join(dir, "drizzle.config.json");
    // drizzle-kit resolves `out` against the working directory, so it is given relative to the repo.
    const out = path.relative(root, path.join(dir, "migrations"));
    await writeFile(config, JSON.stringify({ dialect: "postgresql", schema: "./db/schema/index.ts", out }));
    const before = await readdir(path.join(dir, "migrations"));
    const { stdout, stderr } = await promisify(execFile)(path.join(root, "node_modules/.bin/drizzle-kit"), ["generate", "--config", config], { cwd: root });
    const after = await readdir(path.join(dir, "migrations"));
    expect(after, "run `npm run db:generate` and commit the new migration").toEqual(before);
    // Proof that drizzle-kit really compared: it says so when nothing changed.
    expect(`${stdout}${stderr}`).toContain("No schema changes");
  }, 60_000);
});
