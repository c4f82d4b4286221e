import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { pageCentral } from "@/lib/pages";
import { listStockLines, stockChartLines, stockLastComputedAt, stockLineSortable, stockProviderOptions, stockStatuses, type StockLineFilters } from "@/lib/stock/queries";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { formatDateTime } from "@/lib/utils";
import { StockLevelsChart } from "./stock-levels-chart";
import { StockLinesTable } from "./stock-lines-table";

export const metadata: Metadata = { title: "Stock" };

function parseFilters(sp: SearchParams): StockLineFilters {
  const status = z.enum(stockStatuses).safeParse(firstParam(sp, "status"));
  const provider = z.uuid().safeParse(firstParam(sp, "provider"));
  return { status: status.success ? status.data : undefined, providerId: provider.success ? provider.data : undefined };
}

/** The stock dashboard (§9): levels against alert thresholds, then every line with its figures. */
export default async function StockPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/stock");
  const sp = await searchParams;
  const query = parseTableQuery(sp, stockLineSortable, { sort: "resource" });
  const db = getDb();
  const [{ rows, total }, chart, computedAt, providers] = await Promise.all([
    listStockLines(db, { ...query, ...parseFilters(sp) }),
    stockChartLines(db),
    stockLastComputedAt(db),
    stockProviderOptions(db),
  ]);
  return (
    <>
      <PageHeader
        title="Stock"
        description="Marketing resources that deliveries consume: what is in stock, what is on order, and which lines have reached their alert level."
        actions={
          <Button asChild>
            <Link href="/admin/stock/new">New stock line</Link>
          </Button>
        }
      />
      <div className="space-y-6">
        <Card className="space-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-sm font-semibold text-slate-900">Stock levels against alert thresholds</h2>
            <p className="text-xs text-slate-500">
              {computedAt ? `Last computed ${formatDateTime(computedAt)} UTC` : "Not computed yet. The Stock: Orders and alerts workflow runs every 15 minutes."}
            </p>
          </div>
          <StockLevelsChart lines={chart.rows} total={chart.total} alerts={chart.alerts} />
        </Card>
        <StockLinesTable rows={rows} total={total} providers={providers} />
      </div>
    </>
  );
}
