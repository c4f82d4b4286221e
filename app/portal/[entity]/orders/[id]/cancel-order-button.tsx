"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { cancelOwnOrderAction } from "../actions";

/** **Cancel the order**, or **Reject the subscription** for an automatic package, after a confirmation. */
export function CancelOrderButton(props: { entity: string; orderId: string; automatic: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const label = props.automatic ? "Reject the subscription" : "Cancel the order";
  const confirm = () =>
    startTransition(async () => {
      setError(undefined);
      const res = await cancelOwnOrderAction({ entity: props.entity, orderId: props.orderId, comment });
      if (!res.ok) return setError(res.fieldErrors?.comment ?? res.error);
      setOpen(false);
      router.refresh();
    });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(undefined);
      }}
      title={label}
      description={
        props.automatic
          ? "Your entity leaves this campaign: the order is canceled. This cannot be undone."
          : "The order is canceled and its reviewers no longer need to answer. This cannot be undone."
      }
      trigger={
        <Button type="button" variant="danger">
          {label}
        </Button>
      }
    >
      <label htmlFor="cancel-comment" className="block text-sm font-medium text-slate-700">
        Comment (optional)
      </label>
      <Textarea id="cancel-comment" className="mt-1.5" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      <div className="mt-3">
        <FormError message={error} />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Back
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={confirm}>
          {label}
        </Button>
      </div>
    </Dialog>
  );
}
