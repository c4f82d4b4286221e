import Link from "next/link";
import { getDb } from "@/db";
import { StatusBar } from "@/components/charts/status-bar";
import { Card, PageHeader } from "@/components/ui/card";
import { contactStatusCounts } from "@/lib/contacts/queries";
import { getPortalEntity } from "@/lib/entities/portal";
import { orderStatuses } from "@/db/schema";
import { awaitingRegistration } from "@/lib/catalog/queries";
import { statusCountsForEntity } from "@/lib/orders/entity-queries";
import { orderStatusBarColors, orderStatusLabels } from "@/lib/orders/labels";
import { pageEntity } from "@/lib/pages";
import { formatDateTime } from "@/lib/utils";

export default async function PortalHome({ params }: { params: Promise<{ entity: string }> }) {
  const { entity: slug } = await params;
  const { actor, entity } = await pageEntity(`/portal/${slug}`, slug);
  const db = getDb();
  const [counts, details, orderCounts, toRegister] = await Promise.all([
    contactStatusCounts(db, entity.id),
    getPortalEntity(db, entity.id, actor.userId),
    statusCountsForEntity(db, entity.id),
    awaitingRegistration(db, entity.id),
  ]);
  const base = `/portal/${entity.internalName}`;
  const reviewer = details.groups.includes("order_reviewers");
  const n = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  const total = counts.reduce((s, c) => s + c.n, 0);
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name.split(" ")[0]}`} description={`The portal of ${entity.label}.`} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card className="space-y-3">
          <h2 className="text-sm font-semibold text-slate-900">To do</h2>
          {reviewer && orderCounts.ordered > 0 ? (
            <p className="text-sm">
              <Link href={`${base}/orders?status=ordered`} className="font-medium text-blue-700 hover:underline">
                {orderCounts.ordered === 1 ? "1 order waits" : `${orderCounts.ordered} orders wait`} for your approval
              </Link>
            </p>
          ) : null}
          {toRegister.length ? (
            <div>
              <p className="text-sm text-slate-700">Register before the deadline:</p>
              <ul className="mt-1 space-y-1 text-sm">
                {toRegister.map((p) => (
                  <li key={p.id} className="flex justify-between gap-3">
                    <Link href={`${base}/catalog/${p.id}`} className="font-medium text-blue-700 hover:underline">{p.label}</Link>
                    <span className="shrink-0 text-slate-500">by {formatDateTime(p.registrationDeadline)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {!(reviewer && orderCounts.ordered > 0) && !toRegister.length ? <p className="text-sm text-slate-500">Nothing waits for you.</p> : null}
        </Card>
        <Card>
          <h2 className="text-sm font-semibold text-slate-900">Orders</h2>
          <div className="mt-3">
            <StatusBar title="By status" segments={orderStatuses.map((s) => ({ label: orderStatusLabels[s], value: orderCounts[s], className: orderStatusBarColors[s] }))} />
          </div>
          <Link href={`${base}/orders`} className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline">
            Open my orders
          </Link>
        </Card>
        <Card>
          <h2 className="text-sm font-semibold text-slate-900">Contacts</h2>
          <p className="mt-1 text-3xl font-semibold text-slate-900">{total.toLocaleString("en")}</p>
          <div className="mt-4">
            <StatusBar
              title="By status"
              segments={[
                { label: "Active", value: n("active"), className: "bg-emerald-500" },
                { label: "Unsubscribed", value: n("unsubscribed"), className: "bg-amber-400" },
                { label: "Bounced", value: n("bounced"), className: "bg-red-500" },
              ]}
            />
          </div>
          <Link href={`/portal/${entity.internalName}/contacts`} className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline">
            Open the contact list
          </Link>
        </Card>
        <Card>
          <h2 className="text-sm font-semibold text-slate-900">{entity.label}</h2>
          <dl className="mt-3 grid grid-cols-[110px_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">Email</dt>
            <dd>{details.entity.email ?? "—"}</dd>
            <dt className="text-slate-500">Phone</dt>
            <dd>{details.entity.phone ?? "—"}</dd>
            <dt className="text-slate-500">Address</dt>
            <dd>{details.entity.address ?? "—"}</dd>
            <dt className="text-slate-500">Your groups</dt>
            <dd>{details.groups.length ? details.groups.map((g) => groupLabels[g]).join(", ") : "None"}</dd>
          </dl>
        </Card>
      </div>
    </>
  );
}

const groupLabels = {
  package_notification: "Package notification",
  order_reviewers: "Order reviewers",
  campaign_reviewers: "Campaign reviewers",
} as const;
