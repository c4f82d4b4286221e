import { cn } from "@/lib/utils";

export type StatusSegment = { label: string; value: number; className: string };

/** A single stacked bar with a legend: the share of each status at a glance. */
export function StatusBar({ segments, title }: { segments: StatusSegment[]; title: string }) {
  const total = segments.reduce((s, x) => s + x.value, 0);
  return (
    <figure className="space-y-2" aria-label={title}>
      <figcaption className="text-sm font-medium text-slate-700">{title}</figcaption>
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100" role="img" aria-label={segments.map((s) => `${s.label}: ${s.value}`).join(", ")}>
        {total > 0 ? segments.map((s) => (s.value ? <div key={s.label} className={s.className} style={{ width: `${(s.value / total) * 100}%` }} /> : null)) : null}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
        {segments.map((s) => (
          <li key={s.label} className="flex items-center gap-1.5">
            <span className={cn("inline-block size-2.5 rounded-full", s.className)} />
            {s.label} <span className="font-semibold text-slate-800">{s.value.toLocaleString("en")}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
