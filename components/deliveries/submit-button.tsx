"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

/** **Submit for approval**: the saved delivery goes to its reviewers (or straight to Pending confirmation). */
export function SubmitDeliveryButton(props: { submit: () => Promise<ActionResult<{ status: string }>>; needsApproval: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      setError(undefined);
      const res = await props.submit();
      if (!res.ok) return setError(res.error);
      router.refresh();
    });
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button type="button" onClick={submit} disabled={pending}>
        {pending ? "Submitting…" : "Submit for approval"}
      </Button>
      <p className="text-xs text-slate-500">
        {props.needsApproval ? "The saved version goes to the reviewers; it cannot be changed while they decide." : "No approval is required: the delivery is approved at once."}
      </p>
    </div>
  );
}
