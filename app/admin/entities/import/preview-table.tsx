import type { RowError } from "@/lib/entities/import-rows";
import { cn } from "@/lib/utils";

const columns = [
  ["label", "Label"],
  ["internalName", "Internal name"],
  ["email", "Email"],
  ["phone", "Phone"],
  ["address", "Address"],
  ["parent", "Parent"],
] as const;

/** The file as it will be imported, with each problem shown on its line and field. */
export function PreviewTable({ records, errors }: { records: Record<string, string>[]; errors: RowError[] }) {
  const byLine = new Map<number, RowError[]>();
  for (const e of errors) byLine.set(e.row, [...(byLine.get(e.row) ?? []), e]);
  return (
    <div className="max-h-[60vh] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" aria-label="Import preview">
        <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Line</th>
            {columns.map(([, label]) => (
              <th key={label} className="px-3 py-2">
                {label}
              </th>
            ))}
            <th className="px-3 py-2">Problem</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {records.slice(0, 1000).map((r, i) => {
            const line = i + 2;
            const problems = byLine.get(line) ?? [];
            const bad = new Set(problems.map((p) => p.field));
            return (
              <tr key={line} className={cn(problems.length && "bg-red-50")} data-line={line}>
                <td className="px-3 py-1.5 text-slate-500">{line}</td>
                {columns.map(([key]) => (
                  <td key={key} className={cn("px-3 py-1.5", bad.has(key) && "font-medium text-red-800")}>
                    {r[key]}
                  </td>
                ))}
                <td className="px-3 py-1.5 text-red-800">{problems.map((p) => p.message).join(" ")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {records.length > 1000 ? <p className="p-3 text-xs text-slate-500">Showing the first 1,000 lines; every line is checked.</p> : null}
    </div>
  );
}
