import type { Metadata } from "next";
import { getDb } from "@/db";
import { Frame } from "@/app/links/[token]/link-frame";
import { unsubscribeTarget } from "@/lib/deliveries/tracking-events";
import { UnsubscribeButton } from "./unsubscribe-button";

export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer", robots: { index: false } };

// Opening the page changes nothing: mail scanners prefetch links. The button does it.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await unsubscribeTarget(getDb(), token);
  return (
    <Frame>
      {!target ? (
        <div role="alert">
          <h1 className="text-xl font-semibold text-slate-900">This link is not valid</h1>
          <p className="mt-2 text-sm text-slate-600">Check that you copied all of it. Nothing was changed.</p>
        </div>
      ) : target.status === "unsubscribed" ? (
        <div>
          <h1 className="text-xl font-semibold text-slate-900">You are unsubscribed</h1>
          <p className="mt-2 text-sm text-slate-600">{target.email} will not receive these emails any more.</p>
        </div>
      ) : (
        <div className="space-y-4">
          <h1 className="text-xl font-semibold text-slate-900">Unsubscribe</h1>
          <p className="text-sm text-slate-600">Stop sending campaign emails to {target.email}?</p>
          <UnsubscribeButton token={token} />
        </div>
      )}
    </Frame>
  );
}
