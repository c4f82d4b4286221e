"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { SaveBar } from "@/components/forms/save-bar";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Badge } from "@/components/ui/badge";
import { FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { CampaignBudgetTab } from "@/lib/budgets/campaign-budget-queries";
import { deliveryCostsSchema, type DeliveryCostsInput } from "@/lib/budgets/campaign-budget-schemas";
import { channelLabels, deliveryStatusLabels, deliveryStatusTones } from "@/lib/deliveries/labels";
import { updateDeliveryCostsAction } from "./actions";
import { CostCategoryOptions } from "./cost-category-options";
import { formatMoney, moneyInput } from "./format";

/**
 * Each delivery's cost category (a service of its channel) and provisional cost. Real cost,
 * targeted count and calculated cost are read-only here: the provider reports the first, the
 * delivery's analysis sets the second, and budgetMgt computes the last.
 */
export function DeliveryCostsForm(props: { campaignId: string; rows: CampaignBudgetTab["deliveries"]; services: CampaignBudgetTab["services"]; currency: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<DeliveryCostsInput>({
    resolver: zodResolver(deliveryCostsSchema),
    defaultValues: {
      campaignId: props.campaignId,
      deliveries: props.rows.map((d) => ({ deliveryId: d.id, costCategoryId: d.costCategoryId ?? "", provisionalCost: moneyInput(d.provisionalCost) })),
    },
  });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(form, updateDeliveryCostsAction, () => {
    setSaved(true);
    router.refresh();
  });
  const money = (v: string | null) => formatMoney(v, props.currency);

  if (!props.rows.length) return <p className="text-sm text-slate-500">No delivery yet: each Delivery activity of the workflow creates one.</p>;
  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-4" aria-label="Deliveries' costs">
      <FormError message={formError} />
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-left text-sm" aria-label="Deliveries' costs">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">Delivery</th>
              <th scope="col" className="px-3 py-2 font-medium">Cost category</th>
              <th scope="col" className="px-3 py-2 font-medium">Provisional cost</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Real cost</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Targeted</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Calculated cost</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {props.rows.map((d, i) => {
              const categoryError = errors.deliveries?.[i]?.costCategoryId?.message;
              const costError = errors.deliveries?.[i]?.provisionalCost?.message;
              return (
                <tr key={d.id} className="align-top">
                  <td className="px-3 py-2">
                    <Link href={`/admin/campaigns/${props.campaignId}/deliveries/${d.id}`} className="font-medium text-blue-700 hover:underline">
                      {d.label}
                    </Link>
                    <div className="mt-1 flex items-center gap-2 text-xs text-slate-500">
                      {channelLabels[d.channel]} <Badge tone={deliveryStatusTones[d.status]}>{deliveryStatusLabels[d.status]}</Badge>
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    <Select
                      aria-label={`Cost category of ${d.label}`}
                      aria-invalid={!!categoryError}
                      aria-describedby={categoryError ? `delivery-${i}-category-error` : undefined}
                      className="min-w-48"
                      {...form.register(`deliveries.${i}.costCategoryId`)}
                    >
                      <CostCategoryOptions services={props.services} channel={d.channel} />
                    </Select>
                    {categoryError ? (
                      <p id={`delivery-${i}-category-error`} role="alert" className="mt-1 text-sm text-red-700">
                        {categoryError}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    <Input
                      inputMode="decimal"
                      aria-label={`Provisional cost of ${d.label} (${props.currency})`}
                      aria-invalid={!!costError}
                      aria-describedby={costError ? `delivery-${i}-cost-error` : undefined}
                      className="w-32"
                      {...form.register(`deliveries.${i}.provisionalCost`)}
                    />
                    {costError ? (
                      <p id={`delivery-${i}-cost-error`} role="alert" className="mt-1 text-sm text-red-700">
                        {costError}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(d.realCost)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{d.targetedCount == null ? "Not analysed" : d.targetedCount.toLocaleString("en")}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{money(d.calculatedCost)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        Until a delivery is analysed its calculated cost is its provisional cost; then its cost category&apos;s structures apply to the targeted count. A real cost, once reported, replaces both.
      </p>
      <SaveBar pending={pending} saved={saved} />
    </form>
  );
}
