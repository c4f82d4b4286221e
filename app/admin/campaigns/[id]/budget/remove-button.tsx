"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

/** **Remove** a row after a confirmation that names it; a refusal shows in the dialog. */
export function RemoveButton(props: { what: string; name: string; consequence?: string; remove: () => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      setError(undefined);
      const res = await props.remove();
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
      title={`Remove the ${props.what}`}
      description={`“${props.name}” will be removed.${props.consequence ? ` ${props.consequence}` : ""}`}
      trigger={
        <Button type="button" variant="ghost" size="sm" aria-label={`Remove ${props.what} ${props.name}`}>
          Remove
        </Button>
      }
    >
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={confirm}>
          {pending ? "Removing…" : "Remove"}
        </Button>
      </div>
    </Dialog>
  );
}
