import { Badge } from "@/components/ui/badge";
import { ParameterRows } from "@/components/orders/parameter-list";
import type { EntityOrder } from "@/lib/orders/entity-queries";
import { orderStatusLabels, orderStatusTones } from "@/lib/orders/labels";
import { describeParameters } from "@/lib/orders/notify";

/** What an email link is about: the order as its entity entered it. */
export function OrderSummary({ found }: { found: EntityOrder }) {
  const o = found.order;
  const parameters = describeParameters(found.fields, o.parameters);
  return (
    <dl className="mt-3 mb-5 grid grid-cols-[130px_1fr] gap-y-1 text-sm">
      <dt className="text-slate-500">Entity</dt>
      <dd>{found.entity.label}</dd>
      <dt className="text-slate-500">Package</dt>
      <dd>{found.pkg.label}</dd>
      <dt className="text-slate-500">Order</dt>
      <dd className="font-medium">{o.label}</dd>
      <dt className="text-slate-500">Status</dt>
      <dd>
        <Badge tone={orderStatusTones[o.status]}>{orderStatusLabels[o.status]}</Badge>
      </dd>
      <dt className="text-slate-500">Ordered by</dt>
      <dd>{found.createdBy ?? "—"}</dd>
      <dt className="text-slate-500">Comment</dt>
      <dd className="whitespace-pre-line">{o.comment || "—"}</dd>
      <ParameterRows parameters={parameters} />
    </dl>
  );
}
