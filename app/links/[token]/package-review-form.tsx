"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { reviewPackageFromLinkAction } from "./actions";

export function PackageReviewForm({ token, packageId }: { token: string; packageId: string }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const decide = (decision: "accept" | "reject") =>
    startTransition(async () => {
      setError(undefined);
      const res = await reviewPackageFromLinkAction({ token, decision, comment: comment || undefined });
      if (!res.ok) return setError(res.fieldErrors?.comment ?? res.error);
      router.replace(`/admin/packages/${packageId}?tab=audit`);
    });
  return (
    <div className="space-y-3">
      <label htmlFor="review-comment" className="block text-sm font-medium text-slate-700">Comment (required to reject)</label>
      <Textarea id="review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      <FormError message={error} />
      <div className="flex gap-2">
        <Button disabled={pending} onClick={() => decide("accept")}>Accept</Button>
        <Button variant="danger" disabled={pending} onClick={() => decide("reject")}>Reject</Button>
      </div>
    </div>
  );
}
