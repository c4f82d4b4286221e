"use client";

import { Search } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export type FilterConfig = { param: string; label: string; options: { value: string; label: string }[] };

export function DataTableToolbar(props: {
  searchPlaceholder?: string;
  filters: FilterConfig[];
  navigate: (patch: Record<string, string | null>) => void;
}) {
  const sp = useSearchParams();
  const [q, setQ] = useState(sp.get("q") ?? "");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { navigate } = props;

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="relative">
        <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-slate-400" aria-hidden />
        <input
          type="search"
          aria-label="Search"
          placeholder={props.searchPlaceholder ?? "Search"}
          className="h-9 w-72 rounded-md border border-slate-300 bg-white pl-8 pr-3 text-sm"
          value={q}
          onChange={(e) => {
            const value = e.target.value;
            setQ(value);
            // Typing should not fire a query per keystroke.
            clearTimeout(timer.current);
            timer.current = setTimeout(() => navigate({ q: value.trim() || null, page: null }), 300);
          }}
        />
      </div>
      {props.filters.map((f) => (
        <label key={f.param} className="flex items-center gap-2 text-sm text-slate-600">
          <span className="sr-only">{f.label}</span>
          <select
            aria-label={f.label}
            className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
            value={sp.get(f.param) ?? ""}
            onChange={(e) => navigate({ [f.param]: e.target.value || null, page: null })}
          >
            <option value="">{f.label}: all</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
