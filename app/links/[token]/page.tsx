import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Card } from "@/components/ui/card";
import { inspectActionToken } from "@/lib/links/tokens";
import { AcceptInvitationForm } from "./accept-invitation-form";
import { SignInLinkButton } from "./sign-in-link-button";

export const metadata: Metadata = { title: "Email link", referrer: "no-referrer" };

// Opening the link only reads the token: mail scanners that prefetch links must not spend it.
export default async function LinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await inspectActionToken(getDb(), token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <Card className="w-full max-w-md p-6">
        {state.state !== "valid" ? (
          <InvalidLink reason={state.state} />
        ) : state.token.purpose === "sign_in" ? (
          <>
            <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
            <p className="mt-2 mb-5 text-sm text-slate-600">Continue as {state.token.email}.</p>
            <SignInLinkButton token={token} />
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold text-slate-900">Welcome to Distributed Marketing</h1>
            <p className="mt-2 mb-5 text-sm text-slate-600">Choose a password for {state.token.email}.</p>
            <AcceptInvitationForm token={token} />
          </>
        )}
      </Card>
    </main>
  );
}

function InvalidLink({ reason }: { reason: "used" | "expired" | "unknown" }) {
  const text = {
    used: "This link has already been used. Each link works once.",
    expired: "This link has expired.",
    unknown: "This link is not valid. Check that you copied all of it.",
  }[reason];
  return (
    <div role="alert">
      <h1 className="text-xl font-semibold text-slate-900">This link cannot be used</h1>
      <p className="mt-2 text-sm text-slate-600">{text} Nothing was changed.</p>
      <Link href="/sign-in" className="mt-5 inline-block text-sm font-medium text-blue-700 hover:underline">
        Go to the sign-in page
      </Link>
    </div>
  );
}
