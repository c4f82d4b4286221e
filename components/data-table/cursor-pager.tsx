"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { PER_PAGE_OPTIONS } from "@/lib/tables/params";

/**
 * A keyset page as the server read it: `from` is its first row's number (0 when empty), `next`
 * and `prev` the `after=` / `before=` tokens of its neighbours, `total` exact or a lower bound.
 */
export type CursorPage = {
  from: number;
  rows: number;
  next: string | null;
  prev: string | null;
  total: { count: number; exact: boolean };
};

type Patch = Record<string, string | null>;

const n = (x: number) => x.toLocaleString("en");

// Real links, so that a page can be opened in a new tab, shared, or followed without script.
function PagerLink(props: { href: string | null; label: string; rel?: string; children: ReactNode }) {
  if (!props.href) {
    return (
      <Button variant="secondary" size="sm" disabled aria-label={props.label}>
        {props.children}
      </Button>
    );
  }
  return (
    <Button asChild variant="secondary" size="sm">
      <Link href={props.href} replace scroll={false} rel={props.rel} aria-label={props.label}>
        {props.children}
      </Link>
    </Button>
  );
}

/** First · Previous · Next over ?after / ?before: no page numbers, since nothing counts them. */
export function DataTableCursorPager(props: { page: CursorPage; pageSize: number; hrefFor: (patch: Patch) => string; navigate: (patch: Patch) => void }) {
  const { page, hrefFor } = props;
  const total = page.total.exact ? n(page.total.count) : `${n(page.total.count)}+`;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p>{page.rows === 0 ? "No results" : `${n(page.from)}–${n(page.from + page.rows - 1)} of ${total}`}</p>
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-2">
          Rows per page
          {/* The page keeps its first row (or, reached with Previous, its last): only the size changes. */}
          <select
            className="h-8 rounded-md border border-slate-300 bg-white px-2"
            value={props.pageSize}
            onChange={(e) => props.navigate({ size: e.target.value === "20" ? null : e.target.value })}
          >
            {PER_PAGE_OPTIONS.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <PagerLink href={page.prev ? hrefFor({ after: null, before: null, page: null }) : null} label="First page" rel="first">
          <ChevronsLeft className="size-4" />
        </PagerLink>
        <PagerLink href={page.prev ? hrefFor({ after: null, before: page.prev, page: null }) : null} label="Previous page" rel="prev">
          <ChevronLeft className="size-4" />
        </PagerLink>
        <PagerLink href={page.next ? hrefFor({ before: null, after: page.next, page: null }) : null} label="Next page" rel="next">
          <ChevronRight className="size-4" />
        </PagerLink>
      </div>
    </div>
  );
}
