import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { campaignStatusLabels, campaignStatusTones } from "@/lib/campaigns/labels";
import { formatDay } from "@/lib/utils";
import type { listOccurrences } from "@/lib/campaigns/occurrence-queries";

type Occurrence = Awaited<ReturnType<typeof listOccurrences>>[number];

const explain = {
  recurring: "Once the campaign is started, operationMgt creates an occurrence at the start of each period and starts its workflow.",
  periodic: "Once the campaign is started, operationMgt creates an occurrence at the start of each period, Being edited, for you to adapt and start.",
} as const;

/** A recurring or periodic model's occurrences, newest period first. */
export function OccurrencesCard(props: { type: "recurring" | "periodic"; occurrences: Occurrence[] }) {
  return (
    <Card className="mb-6 space-y-3">
      <div>
        <h2 className="text-sm font-semibold text-slate-900">Occurrences</h2>
        <p className="text-xs text-slate-500">{explain[props.type]}</p>
      </div>
      {props.occurrences.length ? (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-4 font-medium">Occurrence</th>
              <th className="py-1 pr-4 font-medium">Period</th>
              <th className="py-1 font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {props.occurrences.map((o) => (
              <tr key={o.id}>
                <td className="py-1.5 pr-4">
                  <Link href={`/admin/campaigns/${o.id}`} className="font-medium text-blue-700 hover:underline">
                    {o.label}
                  </Link>
                </td>
                <td className="py-1.5 pr-4 text-slate-700">
                  {formatDay(o.occurrenceAt)} – {formatDay(o.endDate)}
                </td>
                <td className="py-1.5">
                  <Badge tone={campaignStatusTones[o.status]}>{campaignStatusLabels[o.status]}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-600">No occurrence yet.</p>
      )}
    </Card>
  );
}
