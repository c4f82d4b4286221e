"use client";

import {
  flexRender,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type OnChangeFn,
  type PaginationState,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useTransition, type ReactNode } from "react";
import { cn } from "@/lib/utils";
import { DataTableCursorPager, type CursorPage } from "./cursor-pager";
import { DataTablePager } from "./pager";
import { DataTableToolbar, type FilterConfig } from "./toolbar";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type DataTableColumn<Row extends RowData> = ColumnDef<typeof dataTableFeatures, Row>;

/**
 * The one table of the portal. Rows arrive already paged, sorted and filtered by the server;
 * every change here is a URL change (?page, ?size, ?sort, ?q and filters), so state survives
 * reloads and links can be shared. A list paged by OFFSET passes its `total` (?page=N); a list
 * paged by keyset passes its `cursor` page instead (?after= / ?before=, First · Previous · Next).
 */
export function DataTable<Row extends { id: string }>(props: {
  columns: DataTableColumn<Row>[];
  rows: Row[];
  defaultSort: string;
  searchPlaceholder?: string;
  filters?: FilterConfig[];
  empty?: ReactNode;
  label: string;
} & ({ total: number; cursor?: never } | { cursor: CursorPage; total?: never })) {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const [pending, startTransition] = useTransition();

  const cursorMode = props.cursor !== undefined;
  const pagination = useMemo<PaginationState>(
    () => ({ pageIndex: cursorMode ? 0 : Math.max(0, Number(sp.get("page") ?? "1") - 1), pageSize: Number(sp.get("size") ?? "20") }),
    [sp, cursorMode],
  );
  const sorting = useMemo<SortingState>(() => {
    const [id = "", dir] = (sp.get("sort") ?? props.defaultSort).split(".");
    return id ? [{ id, desc: dir === "desc" }] : [];
  }, [sp, props.defaultSort]);

  const hrefFor = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(sp.toString());
    // Back to the first page (a new sort, search or filter) drops a keyset position too, unless the patch sets one.
    for (const [k, v] of Object.entries("page" in patch ? { after: null, before: null, ...patch } : patch)) {
      if (v == null || v === "") next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  const navigate = (patch: Record<string, string | null>) => {
    startTransition(() => router.replace(hrefFor(patch), { scroll: false }));
  };
  const onPaginationChange: OnChangeFn<PaginationState> = (u) => {
    const p = functionalUpdate(u, pagination);
    navigate({ page: p.pageIndex ? String(p.pageIndex + 1) : null, size: p.pageSize === 20 ? null : String(p.pageSize) });
  };
  const onSortingChange: OnChangeFn<SortingState> = (u) => {
    const [first] = functionalUpdate(u, sorting);
    navigate({ sort: first ? `${first.id}.${first.desc ? "desc" : "asc"}` : null, page: null });
  };

  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: props.rows,
    getRowId: (r) => r.id,
    manualPagination: true,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: props.total ?? props.rows.length,
    state: { pagination, sorting },
    onPaginationChange,
    onSortingChange,
  });

  return (
    <div className="space-y-3">
      <DataTableToolbar searchPlaceholder={props.searchPlaceholder} filters={props.filters ?? []} navigate={navigate} />
      <div className={cn("overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm transition-opacity", pending && "opacity-60")}>
        <table className="w-full text-left text-sm" aria-label={props.label} aria-busy={pending}>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" className="whitespace-nowrap px-4 py-2.5 font-medium" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-slate-900" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {sorted === "asc" ? <ArrowUp className="size-3.5" /> : sorted === "desc" ? <ArrowDown className="size-3.5" /> : <ArrowUpDown className="size-3.5 opacity-40" />}
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="whitespace-nowrap px-4 py-2.5 align-middle">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {props.rows.length === 0 ? (
              <tr>
                <td colSpan={props.columns.length} className="px-4 py-10 text-center text-slate-500">
                  {props.empty ?? "Nothing matches these filters."}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {props.cursor ? (
        <DataTableCursorPager page={props.cursor} pageSize={pagination.pageSize} hrefFor={hrefFor} navigate={navigate} />
      ) : (
        <DataTablePager table={table} total={props.total} />
      )}
    </div>
  );
}
