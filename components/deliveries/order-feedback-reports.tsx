import { getDb } from "@/db";
import { listOrderDeliveries } from "@/lib/deliveries/queries";
import { DeliveriesCard } from "./deliveries-card";

/** On an approved order of a reference campaign: the campaign's deliveries, each opening the entity's feedback report. */
export async function OrderFeedbackReports(props: { entityId: string; entity: string; orderId: string }) {
  const rows = await listOrderDeliveries(getDb(), props.entityId, props.orderId);
  if (!rows.length) return null;
  return <DeliveriesCard title="Delivery feedback reports" rows={rows} href={(d) => `/portal/${props.entity}/campaigns/${d.campaignId}/deliveries/${d.id}`} />;
}
