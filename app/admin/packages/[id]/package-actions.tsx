"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions";
import type { PackageStatus } from "@/db/schema";
import { cancelPackageAction, reinitializePackageAction, reviewPackageAction, submitPackageAction } from "../actions";

/** The buttons that the package's status allows; every refusal from the server is shown as said. */
export function PackageActions({ id, status }: { id: string; status: PackageStatus }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const run = (call: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      setError(undefined);
      const res = await call();
      if (!res.ok) setError(Object.values(res.fieldErrors ?? {})[0] ?? res.error);
      else {
        after?.();
        router.refresh();
      }
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {status === "being_edited" || status === "rejected" ? (
          <Button asChild variant="secondary"><Link href={`/admin/packages/${id}/edit`}>Edit</Link></Button>
        ) : null}
        {status === "being_edited" ? <Button disabled={pending} onClick={() => run(() => submitPackageAction({ packageId: id }))}>Submit for approval</Button> : null}
        {status === "pending_approval" ? (
          <>
            <Button disabled={pending} onClick={() => run(() => reviewPackageAction({ packageId: id, decision: "accept" }))}>Approve the package</Button>
            <CommentDialog title="Reject the package" label="Reject" confirm="Reject" pending={pending} onConfirm={(comment, done) => run(() => reviewPackageAction({ packageId: id, decision: "reject", comment }), done)} />
          </>
        ) : null}
        {status === "published" || status === "canceled" ? (
          <ConfirmDialog pending={pending} onConfirm={(done) => run(() => reinitializePackageAction({ packageId: id }), done)} />
        ) : null}
        {status !== "canceled" ? (
          <CommentDialog title="Cancel the package" label="Cancel" confirm="Cancel the package" danger pending={pending} onConfirm={(comment, done) => run(() => cancelPackageAction({ packageId: id, comment }), done)} />
        ) : null}
      </div>
      <FormError message={error} />
    </div>
  );
}

function CommentDialog(props: { title: string; label: string; confirm: string; danger?: boolean; pending: boolean; onConfirm: (comment: string, done: () => void) => void }) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();
  return (
    <Dialog open={open} onOpenChange={setOpen} title={props.title} trigger={<Button variant={props.danger ? "danger" : "secondary"}>{props.label}</Button>}>
      <label htmlFor="comment" className="block text-sm font-medium text-slate-700">Comment</label>
      <Textarea id="comment" className="mt-1.5" rows={4} value={comment} aria-invalid={!!error} onChange={(e) => setComment(e.target.value)} />
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={() => setOpen(false)}>Back</Button>
        <Button
          variant={props.danger ? "danger" : "primary"}
          disabled={props.pending}
          onClick={() => {
            if (!comment.trim()) return setError("Enter a comment: it is shown to the people concerned.");
            props.onConfirm(comment, () => setOpen(false));
          }}
        >
          {props.confirm}
        </Button>
      </div>
    </Dialog>
  );
}

function ConfirmDialog(props: { pending: boolean; onConfirm: (done: () => void) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Reinitialize the package to reuse it"
      description="The package goes back to Being edited. Entities are offered it again only after a new approval and publication."
      trigger={<Button variant="secondary">Reinitialize the package to reuse it</Button>}
    >
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => setOpen(false)}>Back</Button>
        <Button disabled={props.pending} onClick={() => props.onConfirm(() => setOpen(false))}>Save</Button>
      </div>
    </Dialog>
  );
}
