import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { orderStatuses } from "@/db/schema";
import { StatusBar } from "@/components/charts/status-bar";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { entityOrderSortable, listEntityOrders, statusCountsForEntity } from "@/lib/orders/entity-queries";
import { orderStatusBarColors, orderStatusLabels } from "@/lib/orders/labels";
import { pageEntity } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { EntityOrdersTable } from "./orders-table";
import { OrderStatusLinks } from "./status-links";

export const metadata: Metadata = { title: "My orders" };

export default async function EntityOrdersPage(props: { params: Promise<{ entity: string }>; searchParams: Promise<SearchParams> }) {
  const { entity: slug } = await props.params;
  const { entity } = await pageEntity(`/portal/${slug}/orders`, slug);
  const sp = await props.searchParams;
  const query = parseTableQuery(sp, entityOrderSortable, { sort: "createdAt", desc: true });
  const status = orderStatuses.find((s) => s === firstParam(sp, "status"));
  const db = getDb();
  const [{ rows, total }, counts] = await Promise.all([listEntityOrders(db, entity.id, { ...query, status }), statusCountsForEntity(db, entity.id)]);
  const base = `/portal/${entity.internalName}`;
  const catalog = (
    <Button asChild variant="secondary">
      <Link href={`${base}/catalog`}>Open the catalog</Link>
    </Button>
  );
  const all = orderStatuses.reduce((s, k) => s + counts[k], 0);
  return (
    <>
      <PageHeader title="My orders" description={`The campaign packages ${entity.label} ordered or was subscribed to.`} actions={all ? catalog : undefined} />
      {all === 0 ? (
        <Card className="space-y-3 text-sm text-slate-600">
          <p>{entity.label} has not ordered any campaign yet. The catalog lists the packages the central team offers you.</p>
          {catalog}
        </Card>
      ) : (
        <div className="space-y-4">
          <Card>
            <StatusBar title="Orders by status" segments={orderStatuses.map((s) => ({ label: orderStatusLabels[s], value: counts[s], className: orderStatusBarColors[s] }))} />
          </Card>
          <div>
            <OrderStatusLinks base={`${base}/orders`} sp={sp} active={status} counts={counts} />
            <EntityOrdersTable entity={entity.internalName} rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))} total={total} />
          </div>
        </div>
      )}
    </>
  );
}
