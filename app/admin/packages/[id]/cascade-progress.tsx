"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While the cancellation cascade runs, the dashboard refreshes itself until it ends. */
export function CascadeProgress(props: { finished: boolean; ordersCanceled: number; entitiesNotified: number; startedAt: string }) {
  const router = useRouter();
  useEffect(() => {
    if (props.finished) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [props.finished, router]);
  return (
    <div role="status" className={props.finished ? "rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" : "rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"}>
      {props.finished ? (
        <>Cancellation completed: {props.ordersCanceled} order(s) canceled, {props.entitiesNotified} entit{props.entitiesNotified === 1 ? "y" : "ies"} notified. The reference campaign, its workflows and deliveries are stopped.</>
      ) : (
        <span className="flex items-center gap-2">
          <span className="size-3 animate-spin rounded-full border-2 border-amber-700 border-t-transparent" aria-hidden />
          Cancellation in progress since {new Date(props.startedAt).toUTCString()}: canceling orders, stopping the reference campaign, notifying entities…
        </span>
      )}
    </div>
  );
}
