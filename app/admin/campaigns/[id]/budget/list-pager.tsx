import Link from "next/link";
import type { SearchParams } from "@/lib/tables/params";

/** The page a section's list asks for in the URL (`?linesPage=2`): each list of the tab pages on its own. */
export function pageParam(sp: SearchParams, key: string): number {
  const raw = Array.isArray(sp[key]) ? sp[key][0] : sp[key];
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** Previous and next links for one list of the tab, keeping the other lists' pages. */
export function ListPager(props: { basePath: string; sp: SearchParams; param: string; page: number; perPage: number; total: number; noun: string }) {
  const pages = Math.max(1, Math.ceil(props.total / props.perPage));
  if (pages <= 1) return null;
  const href = (page: number) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(props.sp)) if (typeof v === "string") next.set(k, v);
    if (page > 1) next.set(props.param, String(page));
    else next.delete(props.param);
    const q = next.toString();
    return `${props.basePath}${q ? `?${q}` : ""}`;
  };
  const from = (props.page - 1) * props.perPage + 1;
  const to = Math.min(props.total, props.page * props.perPage);
  const link = "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100";
  return (
    <nav aria-label={`Pages of ${props.noun}`} className="flex items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        {from.toLocaleString("en")}–{to.toLocaleString("en")} of {props.total.toLocaleString("en")} {props.noun}
      </p>
      <div className="flex items-center gap-2">
        {props.page > 1 ? (
          <Link href={href(props.page - 1)} scroll={false} className={link}>
            Previous
          </Link>
        ) : null}
        <span>
          Page {props.page} of {pages}
        </span>
        {props.page < pages ? (
          <Link href={href(props.page + 1)} scroll={false} className={link}>
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
