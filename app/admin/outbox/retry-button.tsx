"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { retryNotificationAction } from "./actions";

/** Sends again an email the worker gave up on; says why when it cannot. */
export function RetryButton({ notificationId, recipient }: { notificationId: string; recipient: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="mt-1">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={`Retry the email to ${recipient}`}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            const res = await retryNotificationAction({ notificationId });
            if (!res.ok) return setError(res.error);
            router.refresh();
          })
        }
      >
        {pending ? "Queuing…" : "Retry"}
      </Button>
      {error ? (
        <div className="mt-1 max-w-xs">
          <FormError message={error} />
        </div>
      ) : null}
    </div>
  );
}
