"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormSuccess } from "@/components/ui/field";
import { unsubscribeFromLinkAction } from "./actions";

export function UnsubscribeButton({ token }: { token: string }) {
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  if (done) return <FormSuccess message="You are unsubscribed. You will not receive these emails any more." />;
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const res = await unsubscribeFromLinkAction({ token });
            if (!res.ok) setError(res.error);
            else setDone(true);
          })
        }
      >
        Unsubscribe
      </Button>
    </div>
  );
}
