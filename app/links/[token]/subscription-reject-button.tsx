"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormSuccess } from "@/components/ui/field";
import { rejectSubscriptionFromLinkAction } from "./actions";

export function SubscriptionRejectButton({ token }: { token: string }) {
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<{ href: string }>();
  const [pending, startTransition] = useTransition();
  if (done) {
    return (
      <div className="space-y-3">
        <FormSuccess message="The subscription is rejected: the order is canceled." />
        <Link href={done.href} className="inline-block text-sm font-medium text-blue-700 hover:underline">
          Open the order
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            const res = await rejectSubscriptionFromLinkAction({ token });
            if (!res.ok) return setError(res.error);
            // The page is not refreshed: the spent link would now read as used.
            setDone({ href: `/portal/${res.data.entity}/orders/${res.data.id}` });
          })
        }
      >
        Reject the subscription
      </Button>
    </div>
  );
}
