import { StatusBar } from "@/components/charts/status-bar";
import type { DeliveryReport as Report, ReportCounts } from "@/lib/deliveries/report";

const pct = (n: number, of: number) => (of ? ` (${Math.round((n / of) * 100)} %)` : "");
const bars: { key: keyof ReportCounts; label: string; className: string }[] = [
  { key: "sent", label: "Sent", className: "bg-blue-600" },
  { key: "bounced", label: "Bounced", className: "bg-red-500" },
  { key: "opened", label: "Opened", className: "bg-emerald-500" },
  { key: "clicked", label: "Clicked", className: "bg-amber-500" },
];

/**
 * The delivery (feedback) report (§6, §7): totals, why contacts were held back, and per entity
 * how many messages were sent, bounced, opened and clicked, as bars scaled to the largest count.
 */
export function DeliveryReportView({ report, perEntity = true }: { report: Report; perEntity?: boolean }) {
  const t = report.totals;
  if (!t.targeted) return <p className="text-sm text-slate-500">Nothing to report yet: the delivery has no target until it starts.</p>;
  const totals: [string, number, string][] = [
    ["Targeted", t.targeted, ""],
    ["Excluded", t.excluded, pct(t.excluded, t.targeted)],
    ["Waiting to be sent", t.queued, ""],
    ["Sent", t.sent, ""],
    ["Failed", t.failed, ""],
    ["Bounced", t.bounced, pct(t.bounced, t.sent + t.bounced)],
    ["Opened", t.opened, pct(t.opened, t.sent)],
    ["Clicked", t.clicked, pct(t.clicked, t.sent)],
  ];
  const max = Math.max(1, ...report.byEntity.flatMap((e) => bars.map((b) => e[b.key])));
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {totals.map(([label, n, share]) => (
          <div key={label} className="rounded-md border border-slate-200 p-3">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold text-slate-900">
              {n.toLocaleString("en")}
              <span className="text-xs font-normal text-slate-500">{share}</span>
            </dd>
          </div>
        ))}
      </dl>
      <StatusBar
        title="Excluded, by reason"
        segments={[
          { label: "Unsubscribed", value: t.unsubscribed, className: "bg-slate-500" },
          { label: "Bounced earlier", value: t.bouncedBefore, className: "bg-red-400" },
          { label: "Pressure rule", value: t.pressure, className: "bg-amber-400" },
          { label: "Control group", value: t.controlGroup, className: "bg-blue-300" },
        ]}
      />
      {perEntity ? (
        <figure className="space-y-2">
          <figcaption className="text-sm font-medium text-slate-700">By entity</figcaption>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="py-1 pr-3 font-medium">Entity</th>
                <th className="py-1 pr-3 font-medium">Targeted</th>
                {bars.map((b) => (
                  <th key={b.key} className="py-1 pr-3 font-medium">
                    {b.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.byEntity.map((e) => (
                <tr key={e.entityId}>
                  <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-800">
                    {e.entityLabel}
                  </th>
                  <td className="py-2 pr-3 tabular-nums">{e.targeted.toLocaleString("en")}</td>
                  {bars.map((b) => (
                    <td key={b.key} className="w-1/6 py-2 pr-3">
                      <div className="flex items-center gap-2">
                        <div className="h-2.5 flex-1 rounded-full bg-slate-100" aria-hidden>
                          <div className={`h-2.5 rounded-full ${b.className}`} style={{ width: `${(e[b.key] / max) * 100}%` }} />
                        </div>
                        <span className="w-12 text-right tabular-nums">{e[b.key].toLocaleString("en")}</span>
                      </div>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      ) : null}
    </div>
  );
}
