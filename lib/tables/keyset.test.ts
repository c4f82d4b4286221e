import { sql } from "drizzle-orm";
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db";
import { uniq } from "../testing/factories";
import { decodeCursor, encodeCursor, keysetOrder, keysetWhere, textKey, timestampKey, type KeysetCursor, type KeysetDirection, type KeysetKey } from "./keyset";

// A table of its own with nullable columns, ties and NULLs: the packages list sorts only NOT NULL
// columns, but the helpers promise more, and this holds them to it.
const name = uniq("keyset_test").replace(/-/g, "_");
const t = pgTable(name, { id: uuid("id").primaryKey().defaultRandom(), v: text("v"), at: timestamp("at", { withTimezone: true }) });
const db = () => getDb();

beforeAll(async () => {
  await db().execute(sql`create table ${t} (id uuid primary key default gen_random_uuid(), v text, at timestamptz)`);
  // 40 rows: 4 distinct texts and NULL, 3 instants a microsecond apart and NULL, so every page boundary lands in ties.
  await db().execute(sql`insert into ${t} (v, at)
    select (array['b', 'a', null, 'c', 'a'])[1 + i % 5],
           case when i % 4 = 0 then null else timestamptz '2030-01-01 00:00:00.000001+00' + (i % 3) * interval '1 microsecond' end
    from generate_series(1, 40) i`);
});
afterAll(async () => {
  await db().execute(sql`drop table ${t}`);
});

type Row = { id: string; text: string | null };

async function read(key: KeysetKey, desc: boolean, cursor: KeysetCursor | null, direction: KeysetDirection, n: number): Promise<Row[]> {
  return db()
    .select({ id: t.id, text: key.text })
    .from(t)
    .where(cursor ? keysetWhere(key, t.id, desc, cursor, direction) : undefined)
    .orderBy(...keysetOrder(key, t.id, desc, direction))
    .limit(n);
}

/** Every page forward from the start, then every page backward from the end. */
async function walkBothWays(key: KeysetKey, desc: boolean, n: number) {
  const forward: Row[] = [];
  let page = await read(key, desc, null, "after", n);
  while (page.length) {
    forward.push(...page);
    const last = page[page.length - 1]!;
    page = await read(key, desc, { value: last.text, id: last.id, position: 0 }, "after", n);
  }
  const backward: Row[] = [];
  const end = forward[forward.length - 1]!;
  backward.unshift(end);
  page = await read(key, desc, { value: end.text, id: end.id, position: 0 }, "before", n);
  while (page.length) {
    backward.unshift(...[...page].reverse());
    const first = page[page.length - 1]!;
    page = await read(key, desc, { value: first.text, id: first.id, position: 0 }, "before", n);
  }
  return { forward, backward };
}

describe("keyset pagination", () => {
  for (const [label, key] of [
    ["nullable text", textKey(t.v, true)],
    ["nullable timestamp", timestampKey(t.at, true)],
  ] as const) {
    for (const desc of [false, true]) {
      it(`visits every row once, in the one-query order, over ${label} ${desc ? "descending" : "ascending"} with ties and NULLs`, async () => {
        const all = await read(key, desc, null, "after", 1000);
        expect(all).toHaveLength(40);
        // Empty values last in both directions.
        const firstNull = all.findIndex((r) => r.text === null);
        expect(all.slice(firstNull).every((r) => r.text === null)).toBe(true);
        const { forward, backward } = await walkBothWays(key, desc, 3);
        expect(forward.map((r) => r.id)).toEqual(all.map((r) => r.id));
        expect(backward.map((r) => r.id)).toEqual(all.map((r) => r.id));
      });
    }
  }

  it("keeps microseconds: a JS Date would have merged these instants", async () => {
    const rows = await read(timestampKey(t.at, true), false, null, "after", 1000);
    expect(new Set(rows.map((r) => r.text).filter(Boolean)).size).toBe(3);
  });

  it("decodes only tokens of the same sort and of a valid value", () => {
    const key = timestampKey(t.at);
    const cursor = { value: "1893456000000001", id: "0b7c6f7e-6d1a-4a8e-9d3c-2f1e0a9b8c7d", position: 40 };
    const token = encodeCursor("at.desc", cursor);
    expect(decodeCursor(token, "at.desc", key)).toEqual(cursor);
    expect(decodeCursor(token, "at.asc", key)).toBeNull();
    expect(decodeCursor(encodeCursor("at.desc", { ...cursor, value: "2030-13-45" }), "at.desc", key)).toBeNull();
    expect(decodeCursor(encodeCursor("at.desc", { ...cursor, value: null }), "at.desc", key)).toBeNull();
    expect(decodeCursor(encodeCursor("at.desc", { ...cursor, id: "1; drop table x" }), "at.desc", key)).toBeNull();
    expect(decodeCursor(encodeCursor("v.asc", { ...cursor, value: "a\u0000b" }), "v.asc", textKey(t.v))).toBeNull();
    expect(decodeCursor(`${token.slice(0, -3)}!!`, "at.desc", key)).toBeNull();
    expect(decodeCursor("not base64 json", "at.desc", key)).toBeNull();
    expect(decodeCursor(Buffer.from('{"s":"at.desc","v":"1","i":"x","p":-1}').toString("base64url"), "at.desc", key)).toBeNull();
  });
});
