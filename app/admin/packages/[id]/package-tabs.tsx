import { StatusBar } from "@/components/charts/status-bar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { PackageDashboard } from "@/lib/packages/dashboard";
import { formatDateTime } from "@/lib/utils";

import { orderStatusBarColors as orderColors, orderStatusLabels as orderLabels } from "@/lib/orders/labels";

export function OrdersTab({ d }: { d: PackageDashboard }) {
  const counts = Object.fromEntries(Object.keys(orderLabels).map((s) => [s, d.orders.filter((o) => o.status === s).length])) as Record<keyof typeof orderLabels, number>;
  if (d.orders.length === 0) return <Card className="text-sm text-slate-500">No entity has ordered this package yet.</Card>;
  return (
    <div className="space-y-4">
      <Card>
        <StatusBar title="Orders by status" segments={(Object.keys(orderLabels) as (keyof typeof orderLabels)[]).map((s) => ({ label: orderLabels[s], value: counts[s], className: orderColors[s] }))} />
      </Card>
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-left text-sm" aria-label="Orders of the package">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="px-4 py-2.5">Entity</th><th className="px-4 py-2.5">Order</th><th className="px-4 py-2.5">Status</th><th className="px-4 py-2.5">Since</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {d.orders.map((o) => (
              <tr key={o.id}>
                <td className="px-4 py-2.5 font-medium">{o.entity}</td>
                <td className="px-4 py-2.5">{o.label}</td>
                <td className="px-4 py-2.5"><Badge tone={o.status === "canceled" || o.status === "rejected" ? "red" : o.status === "available" ? "green" : "blue"}>{orderLabels[o.status]}</Badge></td>
                <td className="px-4 py-2.5 text-slate-500">{formatDateTime(o.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

export function AuditTab({ d }: { d: PackageDashboard }) {
  const p = d.p;
  return (
    <div className="grid gap-4 lg:grid-cols-[280px_minmax(0,1fr)]">
      <Card>
        <h2 className="mb-3 text-sm font-semibold text-slate-900">Deadlines</h2>
        <dl className="space-y-2 text-sm">
          <div><dt className="text-slate-500">Approval deadline</dt><dd>{formatDateTime(p.approvalDeadline)}</dd></div>
          <div><dt className="text-slate-500">Reminders</dt><dd>{p.reminderDaysBefore.length ? p.reminderDaysBefore.map((n) => `${n} day(s) before`).join(", ") : "None"}</dd></div>
          <div><dt className="text-slate-500">Availability</dt><dd>{formatDateTime(p.availableAt)}</dd></div>
          <div><dt className="text-slate-500">Registration deadline</dt><dd>{formatDateTime(p.registrationDeadline)}</dd></div>
          <div><dt className="text-slate-500">Personalization deadline</dt><dd>{formatDateTime(p.personalizationDeadline)}</dd></div>
          <div><dt className="text-slate-500">End</dt><dd>{formatDateTime(p.endAt)}</dd></div>
        </dl>
      </Card>
      <Card className="overflow-x-auto p-0">
        <h2 className="px-4 pt-4 text-sm font-semibold text-slate-900">Approvals and publications journal</h2>
        <table className="mt-2 w-full text-left text-sm" aria-label="Approvals and publications journal">
          <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="px-4 py-2">Date</th><th className="px-4 py-2">Action</th><th className="px-4 py-2">Operator</th><th className="px-4 py-2">Comment</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {d.journal.map((j) => (
              <tr key={j.id}>
                <td className="whitespace-nowrap px-4 py-2 text-slate-500">{formatDateTime(j.at)}</td>
                <td className="px-4 py-2 font-medium">{j.action}</td>
                <td className="px-4 py-2">{j.actorName}</td>
                <td className="px-4 py-2 text-slate-600">{j.comment ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

export function CampaignsTab({ rows }: { rows: NonNullable<PackageDashboard["children"]> }) {
  if (rows.length === 0) return <Card className="text-sm text-slate-500">No child campaign yet: one is created for each approved order once it is available.</Card>;
  return (
    <Card className="p-0">
      <ul className="divide-y divide-slate-100 text-sm">
        {rows.map((c) => (
          <li key={c.id} className="flex justify-between px-4 py-2.5"><span className="font-medium">{c.entity}: {c.label}</span><Badge>{c.status.replace("_", " ")}</Badge></li>
        ))}
      </ul>
    </Card>
  );
}
