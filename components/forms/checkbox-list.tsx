"use client";

import { useState } from "react";

export type CheckboxOption = { id: string; label: string; hint?: string };

/** A checkbox list (operators, entities…), optionally filterable, as one accessible fieldset. */
export function CheckboxList(props: {
  name: string;
  legend: string;
  hint?: string;
  options: CheckboxOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  emptyText?: string;
  searchable?: boolean;
}) {
  const [filter, setFilter] = useState("");
  const f = filter.trim().toLowerCase();
  const shown = f ? props.options.filter((o) => `${o.label} ${o.hint ?? ""}`.toLowerCase().includes(f)) : props.options;
  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.value, id] : props.value.filter((v) => v !== id));
  return (
    <fieldset className="space-y-2" aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">{props.legend}</legend>
      {props.hint ? <p className="text-xs text-slate-500">{props.hint}</p> : null}
      {props.searchable ? (
        <input
          type="search"
          aria-label={`Filter ${props.legend.toLowerCase()}`}
          placeholder="Filter"
          className="h-9 w-full max-w-sm rounded-md border border-slate-300 px-3 text-sm"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      ) : null}
      {props.options.length === 0 ? (
        <p className="text-sm text-slate-500">{props.emptyText ?? "Nothing to choose from."}</p>
      ) : (
        <ul className="max-h-56 space-y-1 overflow-auto rounded-md border border-slate-200 p-2">
          {shown.map((o) => (
            <li key={o.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
                <input
                  type="checkbox"
                  className="size-4 accent-blue-700"
                  name={props.name}
                  value={o.id}
                  checked={props.value.includes(o.id)}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                />
                <span className="font-medium text-slate-800">{o.label}</span>
                {o.hint ? <span className="text-slate-500">{o.hint}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      )}
      {props.error ? (
        <p id={`${props.name}-error`} role="alert" className="text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
