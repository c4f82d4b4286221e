import { getSql } from "../../db";
import type { SearchParams } from "../../lib/tables/params";
import { pageData } from "./anchor-http";

// B1's URLs: page 1, a page about 1,000 pages deep, and three filter or sort combinations, each
// with the label of a row it must show (read through the page's own data load, so that a
// redirect to sign-in, an error page or an empty table cannot pass for a figure).

export type HttpCase = { name: string; sp: SearchParams; path: string; expectLabel: string | null };

export const PER_PAGE = 20;
const pathOf = (sp: SearchParams) => `/admin/packages${Object.keys(sp).length ? `?${new URLSearchParams(sp as Record<string, string>)}` : ""}`;

// A link that carries a keyset cursor: the list pages by cursor once it no longer uses OFFSET.
const CURSOR_LINK = /<a\b[^>]*\bhref="([^"]*[?&](?:after|before|cursor)=[^"]*)"[^>]*>/gi;

function nextCursorLink(html: string): string | null {
  const links = [...html.matchAll(CURSOR_LINK)];
  if (!links.length) return null;
  // The "next" one when the markup says so (rel="next", aria-label="Next page"); else the last.
  const next = links.find((m) => /rel="next"|aria-label="next/i.test(m[0])) ?? links[links.length - 1]!;
  return next[1]!.replace(/&amp;/g, "&");
}

/**
 * The search parameters of the page `depth` pages into the default order, built the way the page
 * itself links it. The keyset pager (components/data-table/cursor-pager.tsx) links the next page
 * (rel="next", ?after=…): that link is followed depth - 1 times, whatever the cursor's encoding.
 * A build with the OFFSET pager (buttons that navigate to ?page=N) has no link to follow:
 * ?page=depth. Adjust here if the page links its pages some other way.
 */
export async function deepPageParams(page1Html: string, fetchHtml: (path: string) => Promise<string>, depth: number): Promise<SearchParams> {
  let link = nextCursorLink(page1Html);
  if (!link) return { page: String(depth) };
  for (let page = 2; page < depth; page++) {
    const next = nextCursorLink(await fetchHtml(link));
    if (!next) throw new Error(`page ${page} links no next page: the list is shorter than ${depth} pages`);
    link = next;
  }
  return Object.fromEntries(new URL(link, "http://x").searchParams);
}

/** The label of the first row the page's own data load returns for these parameters. */
async function firstLabel(sp: SearchParams): Promise<string | null> {
  const { rows } = await pageData(sp);
  return rows[0]?.label ?? null;
}

/** The label at `offset` in the default order (created_at desc, id desc), read with plain SQL. */
export async function labelAtOffset(offset: number): Promise<string | null> {
  const [r] = await getSql()`select label from packages order by created_at desc, id desc offset ${offset} limit 1`;
  return (r?.label as string | undefined) ?? null;
}

const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

/** Three filter-and-sort combinations an operator uses: a status, a folder, a type and start range. */
const combos = (): { name: string; sp: SearchParams }[] => [
  { name: "view=published, sorted by label", sp: { view: "published", sort: "label.asc" } },
  { name: "folder filter, sorted by start, newest first", sp: { folder: "Folder 07", sort: "startAt.desc" } },
  { name: "type=collaborative + start within a quarter a year ago", sp: { type: "collaborative", startFrom: isoDay(-365), startTo: isoDay(-276) } },
];

export async function httpCases(deep: { sp: SearchParams; depth: number }): Promise<HttpCase[]> {
  const cases = [
    { name: "page 1, default sort", sp: {} },
    { name: `page ${deep.depth.toLocaleString("en-US")} (${PER_PAGE}/page), default sort`, sp: deep.sp },
    ...combos(),
  ];
  return Promise.all(cases.map(async (c) => ({ ...c, path: pathOf(c.sp), expectLabel: await firstLabel(c.sp) })));
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Whether a response shows the row it must show. */
export const showsExpectedRow = (c: HttpCase, html: string) => c.expectLabel !== null && html.includes(escapeHtml(c.expectLabel));
