import type { Metadata } from "next";
import Link from "next/link";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { packages } from "@/db/schema";
import { getCurrentActor } from "@/lib/auth/session";
import { getCatalogPackage } from "@/lib/catalog/queries";
import { packageStatusLabels } from "@/lib/packages/states";
import { formatDateTime } from "@/lib/utils";
import { PackageReviewForm } from "./package-review-form";
import { inspectActionToken } from "@/lib/links/tokens";
import { AcceptInvitationForm } from "./accept-invitation-form";
import { DeliveryReviewLink } from "./delivery-review-link";
import { Frame, InvalidLink } from "./link-frame";
import { isOrderLink, OrderLink } from "./order-links";
import { SignInLinkButton } from "./sign-in-link-button";

export const metadata: Metadata = { title: "Email link", referrer: "no-referrer" };

// Opening the link only reads the token: mail scanners that prefetch links must not spend it.
export default async function LinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await inspectActionToken(getDb(), token);
  if (state.state === "valid" && state.token.purpose === "package_offer") {
    // An offer link opens one package in one entity's portal, for the person it was sent to.
    const actor = await getCurrentActor();
    if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/links/${token}`)}`);
    const membership = actor.memberships.find((m) => m.id === state.token.entityId);
    // A link without a person was sent to the entity's whole group: membership is what counts.
    if ((state.token.userId && actor.userId !== state.token.userId) || !membership) return <Frame><InvalidLink reason="foreign" /></Frame>;
    const offered = state.token.subjectId ? await getCatalogPackage(getDb(), membership.id, state.token.subjectId) : null;
    if (!offered) return <Frame><NoLongerOffered portal={`/portal/${membership.internalName}/catalog`} /></Frame>;
    redirect(`/portal/${membership.internalName}/catalog/${offered.id}`);
  }
  if (state.state === "valid" && state.token.purpose === "target_approval") {
    // [Target approval] (§6): the entity's contact list, for the person (or group) it was sent to.
    const actor = await getCurrentActor();
    if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/links/${token}`)}`);
    const membership = actor.memberships.find((m) => m.id === state.token.entityId);
    if ((state.token.userId && actor.userId !== state.token.userId) || !membership) return <Frame><InvalidLink reason="foreign" about="order" /></Frame>;
    redirect(`/portal/${membership.internalName}/approvals/${state.token.subjectId}`);
  }
  // Order links (§4, §5): review, view, reject the subscription, change the parameters.
  if (state.state === "valid" && isOrderLink(state.token)) return <OrderLink token={token} row={state.token} />;
  if (state.state === "valid" && state.token.purpose === "delivery_review") {
    // [Delivery approval] (§7): a review acts as a person, so sign in first.
    const actor = await getCurrentActor();
    if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/links/${token}`)}`);
    return <DeliveryReviewLink token={token} row={state.token} actor={actor} />;
  }
  if (state.state === "valid" && state.token.purpose === "package_review") {
    // A review acts as a person: sign in first, then land back on this link.
    const actor = await getCurrentActor();
    if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/links/${token}`)}`);
    if (actor.userId !== state.token.userId) return <Frame><InvalidLink reason="foreign" /></Frame>;
    const pkg = state.token.subjectId ? await getDb().query.packages.findFirst({ where: eq(packages.id, state.token.subjectId) }) : undefined;
    if (!pkg) return <Frame><InvalidLink reason="unknown" /></Frame>;
    return (
      <Frame>
        <h1 className="text-xl font-semibold text-slate-900">Campaign package approval</h1>
        <dl className="mt-3 mb-5 grid grid-cols-[130px_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">Package</dt><dd className="font-medium">{pkg.label}</dd>
          <dt className="text-slate-500">Status</dt><dd>{packageStatusLabels[pkg.status]}</dd>
          <dt className="text-slate-500">Deadline</dt><dd>{formatDateTime(pkg.approvalDeadline)}</dd>
        </dl>
        <PackageReviewForm token={token} packageId={pkg.id} />
      </Frame>
    );
  }
  return (
    <Frame>
      {state.state !== "valid" ? (
        <InvalidLink reason={state.state} />
      ) : state.token.purpose === "sign_in" ? (
        <>
          <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
          <p className="mt-2 mb-5 text-sm text-slate-600">Continue as {state.token.email}.</p>
          <SignInLinkButton token={token} />
        </>
      ) : state.token.purpose === "invitation" ? (
        <>
          <h1 className="text-xl font-semibold text-slate-900">Welcome to Distributed Marketing</h1>
          <p className="mt-2 mb-5 text-sm text-slate-600">Choose a password for {state.token.email}.</p>
          <AcceptInvitationForm token={token} />
        </>
      ) : (
        <InvalidLink reason="unknown" />
      )}
    </Frame>
  );
}

function NoLongerOffered({ portal }: { portal: string }) {
  return (
    <div role="alert">
      <h1 className="text-xl font-semibold text-slate-900">This package is no longer offered</h1>
      <p className="mt-2 text-sm text-slate-600">It was canceled, or its offer period is over.</p>
      <Link href={portal} className="mt-5 inline-block text-sm font-medium text-blue-700 hover:underline">
        Open the catalog
      </Link>
    </div>
  );
}
