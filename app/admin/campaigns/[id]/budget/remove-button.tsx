"use client";

import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

/** **Remove** a row after a confirmation that names it; a refusal shows in the dialog. */
export function RemoveButton(props: { what: string; name: string; consequence?: string; remove: () => Promise<ActionResult<unknown>> }) {
  return (
    <ConfirmActionButton
      title={`Remove the ${props.what}`}
      description={`“${props.name}” will be removed.${props.consequence ? ` ${props.consequence}` : ""}`}
      trigger={
        <Button type="button" variant="ghost" size="sm" aria-label={`Remove ${props.what} ${props.name}`}>
          Remove
        </Button>
      }
      cancelLabel="Cancel"
      confirmLabel="Remove"
      pendingLabel="Removing…"
      action={props.remove}
    />
  );
}
