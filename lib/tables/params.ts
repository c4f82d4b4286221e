import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;
export type TableQuery<S extends string> = { page: number; perPage: number; sort: S; desc: boolean; q: string };

export const PER_PAGE_OPTIONS = [10, 20, 50, 100] as const;

/** Reads a table's page, size, sort and text filter from the URL; anything odd falls back to defaults. */
export function parseTableQuery<S extends string>(
  sp: SearchParams,
  sortable: readonly [S, ...S[]],
  defaults: { sort: S; desc?: boolean; perPage?: number },
): TableQuery<S> {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(one("page") ?? 1);
  const perPage = z.coerce
    .number()
    .int()
    .refine((n) => (PER_PAGE_OPTIONS as readonly number[]).includes(n))
    .catch(defaults.perPage ?? 20)
    .parse(one("size") ?? defaults.perPage ?? 20);
  const [sortId, dir] = (one("sort") ?? "").split(".");
  const sort = (sortable as readonly string[]).includes(sortId ?? "") ? (sortId as S) : defaults.sort;
  const desc = sortId === sort ? dir === "desc" : (defaults.desc ?? false);
  const q = (one("q") ?? "").trim().slice(0, 100);
  return { page, perPage, sort, desc, q };
}

export function firstParam(sp: SearchParams, key: string): string | undefined {
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Escapes LIKE wildcards so that a search for "50%" means the text "50%". */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
