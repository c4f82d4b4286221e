"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatDay } from "@/lib/utils";
import { quantity } from "@/lib/stock/labels";
import { stockOrderSchema, type StockOrderInput } from "@/lib/stock/schemas";
import { addStockOrderAction, removeStockOrderAction } from "./actions";

export type StockOrderItem = { id: string; volume: number; deliveryDate: string; addedAt: string | null };

/** The line's stock orders (§9): add one (volume, delivery date), see which are added or expected. */
export function StockOrders(props: { stockLineId: string; orders: StockOrderItem[]; total: number; today: string }) {
  return (
    <div className="space-y-4">
      <AddStockOrderForm stockLineId={props.stockLineId} />
      {props.orders.length === 0 ? (
        <p className="text-sm text-slate-500">No stock order yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-sm" aria-label="Stock orders">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Delivery date</th>
                <th scope="col" className="px-4 py-2 font-medium">Volume</th>
                <th scope="col" className="px-4 py-2 font-medium">Status</th>
                <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {props.orders.map((o) => (
                <OrderRow key={o.id} order={o} today={props.today} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.total > props.orders.length ? (
        <p className="text-xs text-slate-500">
          Showing the expected orders and the latest added, {props.orders.length} of {props.total}.
        </p>
      ) : null}
    </div>
  );
}

function OrderRow({ order: o, today }: { order: StockOrderItem; today: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      setError(undefined);
      const res = await removeStockOrderAction(o.id);
      if (res.ok) router.refresh();
      else setError(res.error);
    });
  return (
    <tr>
      <td className="whitespace-nowrap px-4 py-2">{formatDay(o.deliveryDate)}</td>
      <td className="whitespace-nowrap px-4 py-2 tabular-nums">{quantity(o.volume)}</td>
      <td className="px-4 py-2">
        {o.addedAt ? (
          <span className="flex items-center gap-2">
            <Badge tone="green">Added</Badge>
            <span className="text-xs text-slate-500">on {formatDay(o.addedAt)}</span>
          </span>
        ) : (
          <span className="flex items-center gap-2">
            <Badge tone="blue">Expected</Badge>
            {o.deliveryDate <= today ? <span className="text-xs text-slate-500">added at the next stock computation</span> : null}
          </span>
        )}
        {error ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </td>
      <td className="whitespace-nowrap px-4 py-2 text-right">
        {o.addedAt ? null : (
          <Button type="button" variant="ghost" size="sm" disabled={pending} onClick={remove} aria-label={`Remove the order of ${quantity(o.volume)} expected on ${formatDay(o.deliveryDate)}`}>
            <Trash2 className="size-4" aria-hidden /> Remove
          </Button>
        )}
      </td>
    </tr>
  );
}

function AddStockOrderForm({ stockLineId }: { stockLineId: string }) {
  const router = useRouter();
  // No volume by default: an empty field reads as "enter the volume", never as 0.
  const blank = { stockLineId, deliveryDate: "" };
  const form = useForm<StockOrderInput>({ resolver: zodResolver(stockOrderSchema), defaultValues: blank });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(form, addStockOrderAction, () => {
    form.reset(blank);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a stock order" className="space-y-2">
      <FormError message={formError} />
      <div className="flex flex-wrap items-start gap-3">
        <Field id="volume" label="Volume" error={errors.volume?.message}>
          <Input id="volume" type="number" min={1} step={1} inputMode="numeric" className="w-40" aria-invalid={!!errors.volume} aria-describedby={errors.volume ? "volume-error" : undefined} {...form.register("volume", { valueAsNumber: true })} />
        </Field>
        <Field id="deliveryDate" label="Delivery date" error={errors.deliveryDate?.message}>
          <Input id="deliveryDate" type="date" className="w-44" aria-invalid={!!errors.deliveryDate} aria-describedby={errors.deliveryDate ? "deliveryDate-error" : undefined} {...form.register("deliveryDate")} />
        </Field>
        <div className="pt-7">
          <Button type="submit" variant="secondary" disabled={pending}>
            <Plus className="size-4" aria-hidden /> {pending ? "Adding…" : "Add stock order"}
          </Button>
        </div>
      </div>
      <p className="text-xs text-slate-500">Added to the stock on its delivery date (UTC). Until then it can be removed.</p>
    </form>
  );
}
