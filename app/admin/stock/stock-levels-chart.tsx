import Link from "next/link";
import { quantity } from "@/lib/stock/labels";
import type { StockChartLine } from "@/lib/stock/queries";
import { cn } from "@/lib/utils";
import { StockStatusBadge } from "./stock-status-badge";

/**
 * Each line's stock as a horizontal bar, with its alert level as a marker on the same track. Each
 * track is scaled to its own line (up to twice its alert level, or its stock if larger): lines
 * count in very different units, and the question is how close each is to its own threshold.
 * Every row says its figures in words, which is the chart's text alternative.
 */
export function StockLevelsChart({ lines, total, alerts }: { lines: StockChartLine[]; total: number; alerts: number }) {
  if (!total) {
    return <p className="text-sm text-slate-500">No stock line yet. Add one for each marketing resource that deliveries consume: brochures, vouchers, samples.</p>;
  }
  return (
    <figure className="space-y-3">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="text-sm text-slate-700">
          {alerts ? (
            <strong className="font-semibold text-red-800">
              {alerts} of {total} {total === 1 ? "line" : "lines"} {alerts === 1 ? "is" : "are"} at or below the alert level.
            </strong>
          ) : total === 1 ? (
            "The line is above its alert level."
          ) : (
            `All ${total} lines are above their alert level.`
          )}
          {total > lines.length ? ` The ${lines.length} nearest their alert level are shown; every line is in the table below.` : ""}
        </span>
        <span className="flex items-center gap-4 text-xs text-slate-500" aria-hidden>
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-4 rounded-sm bg-blue-500" /> In stock
          </span>
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-3.5 w-0.5 bg-slate-900" /> Alert level
          </span>
        </span>
      </figcaption>
      <ul aria-label="Stock levels" className="divide-y divide-slate-100">
        {lines.map((l) => (
          <ChartRow key={l.id} line={l} />
        ))}
      </ul>
    </figure>
  );
}

function ChartRow({ line: l }: { line: StockChartLine }) {
  const scale = Math.max(l.inStock, l.alertLevel * 2, 1);
  const bar = (Math.max(0, l.inStock) / scale) * 100;
  const marker = (l.alertLevel / scale) * 100;
  return (
    <li className={cn("grid items-center gap-x-4 gap-y-1 px-2 py-2 sm:grid-cols-[minmax(8rem,16rem)_1fr_auto]", l.inAlert && "rounded-md bg-red-50")}>
      <Link href={`/admin/stock/${l.id}`} className={cn("truncate text-sm text-blue-700 hover:underline", l.inAlert && "font-semibold")}>
        {l.resource}
      </Link>
      <div className="relative h-3 rounded-full bg-slate-100" aria-hidden>
        <div className={cn("h-full rounded-full", l.inAlert ? "bg-red-500" : "bg-blue-500")} style={{ width: `${bar}%` }} />
        <div className="absolute -top-1 h-5 w-0.5 bg-slate-900" style={{ left: `calc(${marker}% - 1px)` }} />
      </div>
      <div className="flex items-center justify-end gap-2 text-sm tabular-nums">
        <span>
          <span className={cn("font-semibold", l.inStock < 0 ? "text-red-700" : "text-slate-900")}>{quantity(l.inStock)}</span>
          <span className="text-slate-500"> in stock · alert level {quantity(l.alertLevel)}</span>
          {l.onOrder ? <span className="text-slate-500"> · {quantity(l.onOrder)} on order</span> : null}
        </span>
        <StockStatusBadge inAlert={l.inAlert} />
      </div>
    </li>
  );
}
