"use client";

import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

/** **Stop**, after a confirmation: sending halts within seconds and cannot be resumed. */
export function StopDeliveryButton(props: { stop: () => Promise<ActionResult<unknown>>; sending: boolean }) {
  return (
    <ConfirmActionButton
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
      cancelLabel="Back"
      confirmLabel="Stop the delivery"
      pendingLabel="Stopping…"
      action={props.stop}
    />
  );
}
