import { and, isNotNull, isNull, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";

/**
 * Keyset pagination: a page starts after (or ends before) a row named by its sort value and id,
 * so PostgreSQL seeks into a (sort column, id) index instead of reading and dropping OFFSET rows.
 * The id breaks ties and follows the sort's direction, so that one row comparison
 * `(value, id) < ($1, $2)` says "after" and an index scanned one way serves it.
 */
export type KeysetKey = {
  /** The sort expression, as the ORDER BY and the comparison use it. */
  value: AnyColumn | SQL;
  /** The same value as text, read with each row, for the cursor: it must round-trip exactly. */
  text: SQL<string | null>;
  /** Turns a cursor's text back into a value of the column's type. */
  param: (text: string) => SQL;
  /** What a cursor's text must look like; anything else falls back to the first page. */
  schema: z.ZodType<string>;
  /** Nullable keys sort empty values last in both directions; NOT NULL ones use plain ASC/DESC so that indexes match. */
  nullable?: boolean;
};

export type KeysetCursor = { value: string | null; id: string; position: number };
export type KeysetDirection = "after" | "before";

/** ORDER BY of a keyset page: `before` reads the rows preceding the cursor nearest first. */
export function keysetOrder(key: KeysetKey, id: AnyColumn, desc: boolean, direction: KeysetDirection = "after"): SQL[] {
  const down = direction === "after" ? desc : !desc;
  const dir = down ? sql`desc` : sql`asc`;
  // Reversing "nulls last" gives "nulls first": the before-page walks the same order backwards.
  const nulls = !key.nullable ? sql`` : direction === "after" ? sql` nulls last` : sql` nulls first`;
  return [sql`${key.value} ${dir}${nulls}`, sql`${id} ${dir}`];
}

/** The rows strictly after (or before) the cursor row in the order of keysetOrder. */
export function keysetWhere(key: KeysetKey, id: AnyColumn, desc: boolean, cursor: KeysetCursor, direction: KeysetDirection): SQL {
  const down = direction === "after" ? desc : !desc;
  const cmp = down ? sql`<` : sql`>`;
  const idParam = sql`${cursor.id}::uuid`;
  if (cursor.value === null) {
    // Empty values come last: after an empty one come only empty ones with a further id; before it, every value.
    const sameNull = and(isNull(key.value), sql`${id} ${cmp} ${idParam}`)!;
    return direction === "after" ? sameNull : or(isNotNull(key.value), sameNull)!;
  }
  const beyond = sql`(${key.value}, ${id}) ${cmp} (${key.param(cursor.value)}, ${idParam})`;
  // A row comparison with an empty value is NULL, not true: empty values, last, must be added back going forward.
  return key.nullable && direction === "after" ? or(beyond, isNull(key.value))! : beyond;
}

// The token in the URL: opaque to a person, base64url JSON to us, checked field by field.
const tokenSchema = z.object({ s: z.string().max(40), v: z.string().max(2000).nullable(), i: z.guid(), p: z.number().int().min(0).max(1e9) });

/** Encodes the row a page starts after (or ends before), with the sort it belongs to and its 0-based position. */
export function encodeCursor(sort: string, cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify({ s: sort, v: cursor.value, i: cursor.id, p: cursor.position })).toString("base64url");
}

/** Reads a token for this sort; a token of another sort, or tampered with in any way, gives null. */
export function decodeCursor(token: string | undefined, sort: string, key: Pick<KeysetKey, "schema" | "nullable">): KeysetCursor | null {
  if (!token || token.length > 4000) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const t = tokenSchema.safeParse(raw);
  if (!t.success || t.data.s !== sort) return null;
  if (t.data.v === null ? !key.nullable : !key.schema.safeParse(t.data.v).success) return null;
  return { value: t.data.v, id: t.data.i, position: t.data.p };
}

// Cursor texts of the usual column types, each read and cast back without loss.

/** Text; NUL cannot be stored in PostgreSQL text, so a token holding one is refused. */
export const textKey = (value: AnyColumn | SQL, nullable = false): KeysetKey => ({
  value,
  text: sql<string>`${value}::text`,
  param: (v) => sql`${v}::text`,
  schema: z.string().refine((v) => !v.includes("\u0000")),
  nullable,
});

/** An enum: compared in the enum's declared order, as ORDER BY sorts it. */
export const enumKey = (value: AnyColumn, type: string, values: readonly [string, ...string[]]): KeysetKey => ({
  value,
  text: sql<string>`${value}::text`,
  param: (v) => sql`${v}::${sql.raw(`"${type}"`)}`,
  schema: z.enum(values),
});

/**
 * timestamptz as integer microseconds since the epoch: a JS Date would drop the microseconds
 * PostgreSQL keeps, and the next page would then repeat or skip rows. Below 2^53 the product
 * with interval '1 microsecond' (computed in double precision) is exact.
 */
export const timestampKey = (value: AnyColumn, nullable = false): KeysetKey => ({
  value,
  text: sql<string>`(extract(epoch from ${value}) * 1000000)::bigint::text`,
  param: (v) => sql`(timestamptz 'epoch' + ${v}::bigint * interval '1 microsecond')`,
  schema: z.string().regex(/^-?\d{1,16}$/).refine((v) => Math.abs(Number(v)) < 2 ** 53),
  nullable,
});
