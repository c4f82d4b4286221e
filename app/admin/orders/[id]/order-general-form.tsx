"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { orderGeneralSchema, type OrderGeneralInput } from "@/lib/orders/schemas";
import { deleteOrderAction, editOrderGeneralAction } from "../actions";

export function OrderGeneralForm(props: { orderId: string; label: string; comment: string; editable: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const form = useForm<OrderGeneralInput>({ resolver: zodResolver(orderGeneralSchema), defaultValues: { orderId: props.orderId, label: props.label, comment: props.comment } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      const res = await editOrderGeneralAction(values);
      if (!res.ok) {
        const text = applyServerErrors(form, res);
        if (text) setMessage({ ok: false, text });
        return;
      }
      setMessage({ ok: true, text: "Saved." });
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {message?.ok ? <FormSuccess message={message.text} /> : <FormError message={message?.text} />}
      <fieldset disabled={!props.editable} className="space-y-3">
        <Field id="order-label" label="Order label" error={errors.label?.message}>
          <Input id="order-label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field id="order-comment" label="Comment" error={errors.comment?.message}>
          <Textarea id="order-comment" rows={3} {...form.register("comment")} />
        </Field>
      </fieldset>
      {props.editable ? (
        <div className="flex justify-between">
          <DeleteOrder orderId={props.orderId} />
          <Button type="submit" disabled={pending}>Save</Button>
        </div>
      ) : (
        <p className="text-sm text-slate-500">This order is closed and can no longer be changed.</p>
      )}
    </form>
  );
}

function DeleteOrder({ orderId }: { orderId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <Dialog open={open} onOpenChange={setOpen} title="Delete the order" description="The order is canceled and the entity can see why." trigger={<Button type="button" variant="danger">Delete</Button>}>
      <label htmlFor="delete-comment" className="block text-sm font-medium text-slate-700">Comment</label>
      <Textarea id="delete-comment" className="mt-1.5" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Back</Button>
        <Button
          type="button"
          variant="danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const res = await deleteOrderAction({ orderId, comment });
              if (!res.ok) return setError(res.fieldErrors?.comment ?? res.error);
              setOpen(false);
              router.refresh();
            })
          }
        >
          Delete the order
        </Button>
      </div>
    </Dialog>
  );
}
