import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { landingPath } from "@/lib/auth/actor";
import { getCurrentActor } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/links/urls";
import { SignInForms } from "./sign-in-forms";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const actor = await getCurrentActor();
  if (actor) redirect(sp.callbackUrl ? safeCallbackPath(sp.callbackUrl) : landingPath(actor));
  return (
    <Card className="p-6">
      <h1 className="mb-5 text-xl font-semibold text-slate-900">Sign in</h1>
      <SignInForms callbackUrl={safeCallbackPath(sp.callbackUrl)} />
    </Card>
  );
}
