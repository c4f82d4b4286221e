"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

/**
 * A button that opens a confirmation before running a server action it cannot take back. A refusal
 * stays in the dialog so that the operator sees why; success closes it and refreshes the page.
 */
export function ConfirmActionButton(props: {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: string;
  description: string;
  cancelLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  action: () => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      setError(undefined);
      const res = await props.action();
      if (!res.ok) return setError(res.error);
      setOpen(false);
      router.refresh();
    });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // A refusal belongs to the attempt it answered, not to the next opening.
        if (!next) setError(undefined);
      }}
      title={props.title}
      description={props.description}
      trigger={props.trigger}
    >
      <FormError message={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {props.cancelLabel}
        </Button>
        <Button type="button" variant="danger" disabled={pending} onClick={confirm}>
          {pending ? props.pendingLabel : props.confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
