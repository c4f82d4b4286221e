import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("package-lock.json", () => {
  it("lists every pinned optional dependency, so that `npm ci` accepts it on a clean clone", () => {
    const lock = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package-lock.json"), "utf8")) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing = Object.values(lock.packages).flatMap((meta) =>
      Object.entries(meta.optionalDependencies ?? {})
        .filter(([name, spec]) => /^\d+\.\d+\.\d+/.test(spec) && !lock.packages[`node_modules/${name}`])
        .map(([name]) => name),
    );
    expect(missing, "run `node .ci/complete-lock.mjs && npm install`").toEqual([]);
  });
});
