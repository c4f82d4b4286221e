import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { channelLabels, deliveryStatusLabels, deliveryStatusTones } from "@/lib/deliveries/labels";
import type { CampaignDeliveryRow } from "@/lib/deliveries/queries";

/** A campaign's deliveries with their channel and status, each linking to its page. */
export function DeliveriesCard(props: { rows: CampaignDeliveryRow[]; href: (row: CampaignDeliveryRow) => string; title?: string; empty?: string }) {
  return (
    <Card className="space-y-3">
      <h2 className="text-sm font-semibold text-slate-900">{props.title ?? "Deliveries"}</h2>
      {props.rows.length ? (
        <ul className="divide-y divide-slate-100">
          {props.rows.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <Link href={props.href(d)} className="font-medium text-blue-700 hover:underline">
                {d.label}
              </Link>
              <span className="flex items-center gap-2">
                <span className="text-slate-500">{channelLabels[d.channel]}</span>
                <Badge tone={deliveryStatusTones[d.status]}>{deliveryStatusLabels[d.status]}</Badge>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{props.empty ?? "No delivery yet: each Delivery activity of the workflow creates one."}</p>
      )}
    </Card>
  );
}
