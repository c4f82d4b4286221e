"use client";

import { Fragment, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import { RemoveButton } from "./remove-button";

/**
 * A list of the Budget tab whose rows are edited where they stand: each row's **Edit** and
 * **Remove**, then one form at a time below the table (a row's, or a new one's behind **Add {noun}**).
 * `noun` names the rows in those buttons and their accessible names.
 */
export function InlineEditTable<R extends { id: string }>(props: {
  label: string;
  noun: string;
  columns: { label: string; numeric?: boolean }[];
  rows: R[];
  /** The row's cells, before its actions. */
  cells: (row: R) => ReactNode;
  nameOf: (row: R) => string;
  /** Why the row is not edited here, shown in place of its buttons; nothing when it is. */
  lockedBecause?: (row: R) => string | undefined;
  removal: { consequence: string; remove: (row: R) => Promise<ActionResult<unknown>> };
  form: (row: R | undefined, done: () => void) => ReactNode;
  empty: string;
  summary?: ReactNode;
  pager?: ReactNode;
}) {
  // "new", a row's id, or nothing being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const current = editing && editing !== "new" ? props.rows.find((r) => r.id === editing) : undefined;
  const done = () => setEditing(null);

  return (
    <div className="space-y-4">
      {props.summary}
      {props.rows.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm" aria-label={props.label}>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {props.columns.map((c) => (
                  <th key={c.label} scope="col" className={c.numeric ? "px-3 py-2 text-right font-medium" : "px-3 py-2 font-medium"}>
                    {c.label}
                  </th>
                ))}
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {props.rows.map((r) => {
                const locked = props.lockedBecause?.(r);
                return (
                  <tr key={r.id}>
                    {props.cells(r)}
                    <td className="px-3 py-2 text-right whitespace-nowrap">
                      {locked ? (
                        <span className="text-xs text-slate-500">{locked}</span>
                      ) : (
                        <>
                          <Button type="button" variant="ghost" size="sm" aria-label={`Edit ${props.noun} ${props.nameOf(r)}`} onClick={() => setEditing(r.id)}>
                            Edit
                          </Button>
                          <RemoveButton what={props.noun} name={props.nameOf(r)} consequence={props.removal.consequence} remove={() => props.removal.remove(r)} />
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{props.empty}</p>
      )}
      {props.pager}
      {/* Keyed so that switching rows starts the form afresh from the other row's values. */}
      {editing === "new" || current ? (
        <Fragment key={current?.id ?? "new"}>{props.form(current, done)}</Fragment>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setEditing("new")}>
          {`Add ${props.noun}`}
        </Button>
      )}
    </div>
  );
}
