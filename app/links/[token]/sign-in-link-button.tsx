"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

export function SignInLinkButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      <FormError message={error} />
      <Button
        className="w-full"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const res = await signIn("email-link", { token, redirect: false });
            if (!res || res.error) {
              setError("This link is invalid, expired or already used. Ask for a new one from the sign-in page.");
              return;
            }
            router.replace("/");
            router.refresh();
          })
        }
      >
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </div>
  );
}
