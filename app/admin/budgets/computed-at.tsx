import { formatDateTime } from "@/lib/utils";

/** When budgetMgt last wrote the figures shown: they are never computed by the page itself. */
export function ComputedAt({ at }: { at: Date | null }) {
  return (
    <p className="-mt-4 mb-4 text-xs text-slate-500">
      {at ? (
        <>
          Last computed <time dateTime={at.toISOString()}>{formatDateTime(at)}</time>
        </>
      ) : (
        "Not computed yet: the figures appear after the next Cost calculation run."
      )}
    </p>
  );
}
