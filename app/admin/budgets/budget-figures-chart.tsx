import Link from "next/link";
import { bucketLabels, buckets, formatMoney, percentOf, type Bucket } from "@/lib/budgets/budgets-format";
import { cn } from "@/lib/utils";

export type FiguresRow = {
  id: string;
  label: string;
  sublabel?: string;
  href?: string;
  currency: string | null;
  /** Null when there is no budget to measure against (a program without a budget of its own). */
  allocated: string | null;
  remaining: string | null;
} & Record<Bucket, string>;

const bucketColors: Record<Bucket, string> = {
  planned: "bg-sky-300",
  reserved: "bg-amber-400",
  committed: "bg-indigo-500",
  spent: "bg-emerald-600",
};
const overStripes = { backgroundImage: "repeating-linear-gradient(135deg, rgb(220 38 38 / 0.55) 0 3px, transparent 3px 7px)" };

function Legend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-hidden>
      {buckets.map((b) => (
        <li key={b} className="flex items-center gap-1.5">
          <span className={cn("inline-block size-2.5 rounded-sm", bucketColors[b])} />
          {bucketLabels[b]}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-3 w-0.5 bg-slate-900" />
        Allocated
      </li>
      <li className="flex items-center gap-1.5">
        <span className="inline-block size-2.5 rounded-sm ring-1 ring-red-600" style={overStripes} />
        Over-allocated
      </li>
    </ul>
  );
}

function FiguresBar({ row }: { row: FiguresRow }) {
  const money = (v: string) => formatMoney(v, row.currency);
  const used = buckets.reduce((s, b) => s + Math.max(0, Number(row[b])), 0);
  const allocated = row.allocated == null ? null : Number(row.allocated);
  // Each bar has its own scale: budgets count in different currencies, so only a row's own
  // Allocated amount gives its bar a meaning.
  const scale = Math.max(used, allocated ?? 0);
  const over = row.remaining?.startsWith("-") ? row.remaining.slice(1) : null;
  const marker = allocated == null ? null : percentOf(row.allocated!, scale);
  const parts = buckets.map((b) => `${bucketLabels[b]} ${money(row[b])}`).join(", ");
  const summary =
    row.allocated == null
      ? `${row.label}: no budget of its own; ${parts}.`
      : `${row.label}: allocated ${money(row.allocated)}; ${parts}; ${over ? `over-allocated by ${money(over)}` : `remaining ${money(row.remaining ?? "0")}`}.`;
  return (
    <li className="space-y-1">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="min-w-0 truncate">
          {row.href ? (
            <Link href={row.href} className="font-medium text-blue-700 hover:underline">
              {row.label}
            </Link>
          ) : (
            <span className="font-medium text-slate-900">{row.label}</span>
          )}
          {row.sublabel ? <span className="text-slate-500"> · {row.sublabel}</span> : null}
        </span>
        <span className="text-xs tabular-nums text-slate-600">
          {row.allocated == null ? (
            "No budget of its own"
          ) : (
            <>
              Allocated {money(row.allocated)} ·{" "}
              {over ? <span className="font-semibold text-red-700">Over-allocated by {money(over)}</span> : <>Remaining {money(row.remaining ?? "0")}</>}
            </>
          )}
        </span>
      </div>
      <div role="img" aria-label={summary} className="relative h-4 rounded bg-slate-100">
        <div className="flex h-full overflow-hidden rounded">
          {buckets.map((b) => {
            const width = percentOf(row[b], scale);
            return width > 0 ? <div key={b} className={bucketColors[b]} style={{ width: `${width}%` }} title={`${bucketLabels[b]}: ${money(row[b])}`} /> : null;
          })}
        </div>
        {over && marker != null ? <div className="absolute inset-y-0 right-0 rounded-r" style={{ left: `${marker}%`, ...overStripes }} /> : null}
        {marker != null ? <div className="absolute -inset-y-1 w-0.5 -translate-x-1/2 bg-slate-900" style={{ left: `${marker}%` }} /> : null}
      </div>
    </li>
  );
}

/**
 * Allocated against Planned, Reserved, Committed and Spent, one horizontal bar per row: the four
 * buckets are exclusive, so they stack; the black mark is the Allocated amount, and what runs
 * past it is striped red. Each bar carries its figures as text for screen readers.
 */
export function BudgetFiguresChart(props: { id: string; title: string; description?: string; rows: FiguresRow[]; empty: string; footnote?: string }) {
  return (
    <figure className="space-y-3" aria-labelledby={`${props.id}-title`}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={`${props.id}-title`} className="text-sm font-semibold text-slate-900">
            {props.title}
          </h2>
          {props.description ? <p className="text-xs text-slate-500">{props.description}</p> : null}
        </div>
        <Legend />
      </div>
      {props.rows.length === 0 ? (
        <p className="text-sm text-slate-500">{props.empty}</p>
      ) : (
        <ul className="space-y-3">
          {props.rows.map((r) => (
            <FiguresBar key={r.id} row={r} />
          ))}
        </ul>
      )}
      {props.footnote ? <p className="text-xs text-slate-500">{props.footnote}</p> : null}
    </figure>
  );
}
