"use client";

import { Paperclip } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { evaluateOrderTargetAction, previewOrderAction } from "@/app/portal/[entity]/orders/actions";
import type { CheckboxOption } from "@/components/forms/checkbox-list";
import { fileSize } from "@/components/orders/order-form-parts";
import { applyOrderErrors, OrderLabelFields, useOrderDetailsForm } from "@/components/orders/order-details-form";
import { OrderParameterSections } from "@/components/orders/order-parameter-sections";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { toOrderFormData } from "@/lib/orders/form-data";
import type { OrderTemplateLimits, ParameterValue } from "@/lib/orders/parameters";
import { cn } from "@/lib/utils";
import { editOwnOrderAction } from "./actions";

type OrderDocument = { id: string; fileName: string; size: number };

/**
 * The entity changes its own order (§4) while it may: label, comment, personalization values,
 * reviewers and documents, on one page. A file field left empty keeps the file already attached;
 * general documents are kept unless marked Remove.
 */
export function OrderEditForm(props: {
  entity: string;
  orderId: string;
  packageId: string;
  limits: OrderTemplateLimits;
  operators: CheckboxOption[];
  initial: { label: string; comment: string; parameters: Record<string, ParameterValue>; reviewerIds: string[] };
  /** File personalization fields that hold a file on the order: field name → file name. */
  filesOnOrder: Record<string, string>;
  /** The order's general documents (not those of file fields). */
  documents: OrderDocument[];
  cancelHref: string;
}) {
  const { limits } = props;
  const router = useRouter();
  const [removing, setRemoving] = useState<string[]>([]);
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const kept = props.documents.length - removing.length;
  const form = useOrderDetailsForm(limits, props.initial, props.filesOnOrder, kept);

  const toggleRemoval = (id: string, on: boolean) => {
    setRemoving((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
    // The room for new documents changed: a "too many documents" error may no longer hold.
    if (form.formState.errors.documents) form.clearErrors("documents");
  };

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setMessage(undefined);
      const res = await editOwnOrderAction(
        toOrderFormData({ entity: props.entity, orderId: props.orderId, removeDocumentIds: removing }, values),
      );
      if (!res.ok) {
        const applied = applyOrderErrors(form, res, limits, values);
        setMessage(applied.message);
        return;
      }
      // The action revalidated the entity's orders, so the order page shows the saved values.
      router.push(props.cancelHref);
    }),
  );

  const attachedList = (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Attached documents">
      {props.documents.map((d) => {
        const marked = removing.includes(d.id);
        return (
          <li key={d.id} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
            <span className={cn("flex min-w-0 items-center gap-1.5", marked && "text-slate-400 line-through")}>
              <Paperclip className="size-3.5 shrink-0" aria-hidden />
              <span className="truncate">{d.fileName}</span>
              <span className="shrink-0 text-xs no-underline">{fileSize(d.size)}</span>
            </span>
            <label className="flex shrink-0 cursor-pointer items-center gap-1.5 text-xs text-slate-700">
              <input type="checkbox" className="size-4 accent-red-700" checked={marked} onChange={(e) => toggleRemoval(d.id, e.target.checked)} />
              Remove<span className="sr-only"> {d.fileName}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <FormError message={message} />

      <Card className="space-y-4">
        <h2 className="text-base font-semibold text-slate-900">Order</h2>
        <OrderLabelFields form={form} />
      </Card>

      <OrderParameterSections
        form={form}
        limits={limits}
        operators={props.operators}
        entity={props.entity}
        packageId={props.packageId}
        evaluate={evaluateOrderTargetAction}
        preview={previewOrderAction}
        heading="h2"
        filesOnOrder={props.filesOnOrder}
        attached={{ list: attachedList, count: props.documents.length, kept }}
      />

      <div className="flex justify-between gap-2">
        <Button asChild variant="secondary">
          <Link href={props.cancelHref}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
