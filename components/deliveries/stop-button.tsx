"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

/** **Stop**, after a confirmation: sending halts within seconds and cannot be resumed. */
export function StopDeliveryButton(props: { stop: () => Promise<ActionResult<unknown>>; sending: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      setError(undefined);
      const res = await props.stop();
      if (!res.ok) return setError(res.error);
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
      title="Stop the delivery"
      description={
        props.sending
          ? "Sending halts within seconds. Messages already sent stay sent; the others are never sent. This cannot be undone."
          : "The delivery will not be sent. This cannot be undone."
      }
      trigger={
        <Button type="button" variant="danger">
          Stop
        </Button>
      }
    >
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Back
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={confirm}>
          {pending ? "Stopping…" : "Stop the delivery"}
        </Button>
      </div>
    </Dialog>
  );
}
