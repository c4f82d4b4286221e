import type { Metadata } from "next";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { entities, orderStatuses, packages } from "@/db/schema";
import { PageHeader } from "@/components/ui/card";
import { listAllOrders, orderSortable } from "@/lib/orders/queries";
import { pageCentral } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { OrdersTable } from "./orders-table";

export const metadata: Metadata = { title: "Campaign orders" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/orders");
  const sp = await searchParams;
  const query = parseTableQuery(sp, orderSortable, { sort: "createdAt", desc: true });
  const db = getDb();
  const [pkgs, ents] = await Promise.all([
    db.select({ value: packages.id, label: packages.label }).from(packages).orderBy(asc(packages.label)).limit(1000),
    db.select({ value: entities.id, label: entities.label }).from(entities).where(eq(entities.kind, "local")).orderBy(asc(entities.label)).limit(2000),
  ]);
  const pick = <T extends { value: string }>(list: T[], key: string) => list.find((x) => x.value === firstParam(sp, key))?.value;
  const status = orderStatuses.find((s) => s === firstParam(sp, "status"));
  const { rows, total } = await listAllOrders(db, { ...query, packageId: pick(pkgs, "package"), entityId: pick(ents, "entity"), status });
  return (
    <>
      <PageHeader title="Campaign orders" description="Every order of every local entity." />
      <OrdersTable rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))} total={total} packages={pkgs} entities={ents} />
    </>
  );
}
