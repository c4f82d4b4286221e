import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { Card } from "@/components/ui/card";
import { pageCentral } from "@/lib/pages";
import { quantity } from "@/lib/stock/labels";
import { consumptionSortable, getStockLine, listStockConsumption, listStockOrders, stockLastComputedAt, stockManagerOptions, stockProviderOptions, type StockLinePage } from "@/lib/stock/queries";
import { parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { cn, formatDateTime } from "@/lib/utils";
import { ConsumptionTable } from "../consumption-table";
import { StockLineForm } from "../stock-line-form";
import { StockOrders } from "../stock-orders";
import { StockStatusBadge } from "../stock-status-badge";

export const metadata: Metadata = { title: "Stock line" };

export default async function StockLinePageView({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  await pageCentral(`/admin/stock/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const found = await getStockLine(db, id);
  if (!found) notFound();
  const query = parseTableQuery(await searchParams, consumptionSortable, { sort: "campaign" });
  const [orders, consumption, providers, managers, computedAt] = await Promise.all([
    listStockOrders(db, id),
    listStockConsumption(db, id, query),
    stockProviderOptions(db),
    stockManagerOptions(db),
    stockLastComputedAt(db),
  ]);
  const { line } = found;
  const active = new Set(managers.map((m) => m.id));
  return (
    <>
      <div className="mb-6">
        <Link href="/admin/stock" className="text-sm text-blue-700 hover:underline">
          Stock
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold text-slate-900">{line.resource}</h1>
          <StockStatusBadge inAlert={line.inAlert} />
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {line.providerName ? `Supplied by ${line.providerName}` : "No provider"}
          {line.alertSince ? ` · at or below its alert level since ${formatDateTime(line.alertSince)} UTC` : ""}
        </p>
      </div>
      <div className="space-y-6">
        <Figures page={found} computedAt={computedAt} />
        <StockLineForm
          id={line.id}
          initial={{ resource: line.resource, providerId: line.providerId ?? "", initialStock: line.initialStock, alertLevel: line.alertLevel, managerIds: line.managerIds.filter((m) => active.has(m)) }}
          providers={providers}
          managers={managers}
        />
        <Card className="space-y-4">
          <div>
            <h2 className="text-sm font-semibold text-slate-900">Stock orders</h2>
            <p className="text-xs text-slate-500">Replenishments: each is added to the stock on its delivery date.</p>
          </div>
          <StockOrders
            stockLineId={line.id}
            orders={orders.rows.map((o) => ({ ...o, addedAt: o.addedAt?.toISOString() ?? null }))}
            total={orders.total}
            today={new Date().toISOString().slice(0, 10)}
          />
        </Card>
        <Card className="space-y-4">
          <div>
            <h2 className="text-sm font-semibold text-slate-900">Consumption per campaign</h2>
            <p className="text-xs text-slate-500">Each delivery whose cost category uses this line takes its targeted count. {quantity(line.consumed)} consumed in all.</p>
          </div>
          <ConsumptionTable rows={consumption.rows} total={consumption.total} />
        </Card>
      </div>
    </>
  );
}

/** The figures stockMgt keeps, and which services draw on the line. */
function Figures({ page: { line, services }, computedAt }: { page: StockLinePage; computedAt: Date | null }) {
  const items: [string, number][] = [
    ["Initial stock", line.initialStock],
    ["Ordered", line.ordered],
    ["Consumed", line.consumed],
    ["In stock", line.inStock],
    ["On order", line.onOrder],
    ["Alert level", line.alertLevel],
  ];
  return (
    <Card className="space-y-4">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className={cn("mt-1 text-lg font-semibold tabular-nums", label === "In stock" && line.inAlert ? "text-red-700" : "text-slate-900")}>{quantity(value)}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap justify-between gap-2 text-xs text-slate-500">
        <p>
          Used by:{" "}
          {services.length
            ? services.map((s, i) => (
                <span key={s.id}>
                  {i ? ", " : ""}
                  <Link href={`/admin/providers/${s.providerId}`} className="text-blue-700 hover:underline">
                    {s.providerName} — {s.label}
                  </Link>
                </span>
              ))
            : "no cost category yet. Choose this line on a provider's cost category so that its deliveries consume it."}
        </p>
        <p>{computedAt ? `Last computed ${formatDateTime(computedAt)} UTC` : "Not computed yet"}</p>
      </div>
    </Card>
  );
}
