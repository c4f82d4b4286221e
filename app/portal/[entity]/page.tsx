import Link from "next/link";
import { getDb } from "@/db";
import { StatusBar } from "@/components/charts/status-bar";
import { Card, PageHeader } from "@/components/ui/card";
import { contactStatusCounts } from "@/lib/contacts/queries";
import { getPortalEntity } from "@/lib/entities/portal";
import { pageEntity } from "@/lib/pages";

export default async function PortalHome({ params }: { params: Promise<{ entity: string }> }) {
  const { entity: slug } = await params;
  const { actor, entity } = await pageEntity(`/portal/${slug}`, slug);
  const [counts, details] = await Promise.all([contactStatusCounts(getDb(), entity.id), getPortalEntity(getDb(), entity.id, actor.userId)]);
  const n = (s: string) => counts.find((c) => c.status === s)?.n ?? 0;
  const total = counts.reduce((s, c) => s + c.n, 0);
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name.split(" ")[0]}`} description={`The portal of ${entity.label}.`} />
      <div className="grid gap-4 md:grid-cols-2">
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
