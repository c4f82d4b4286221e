"use client";

import type { PreviewContact } from "@/lib/campaigns/preview";
import { renderPreview } from "@/lib/deliveries/compose";

export type PreviewSample = { contact: PreviewContact; values: Record<string, string | number | boolean | null>; entityLabel: string | null; placeholder: boolean };

/**
 * The message as the sample contact would receive it, re-rendered on every keystroke by the same
 * code that renders proofs. The HTML sits in a sandboxed frame: no script, no navigation.
 */
export function MessagePreview({ subject, body, sample }: { subject: string; body: string; sample: PreviewSample }) {
  const msg = renderPreview({ subject, body }, sample.contact, sample.values);
  const who = sample.placeholder
    ? "a sample contact (no contact is targeted yet)"
    : `${sample.contact.firstName || sample.contact.email}${sample.entityLabel ? ` of ${sample.entityLabel}` : ""}`;
  return (
    <div className="space-y-2" aria-label="Preview">
      <p className="text-xs text-slate-500">Preview for {who}.</p>
      <p className="text-sm">
        <span className="text-slate-500">Subject: </span>
        <span className="font-medium text-slate-900">{msg.subject || "—"}</span>
      </p>
      <iframe title="Message preview" sandbox="" srcDoc={msg.html} className="h-80 w-full rounded-md border border-slate-200 bg-white" />
      {msg.missing.length ? (
        <p role="status" className="text-sm text-amber-800">
          No value for {msg.missing.map((m) => `{{${m}}}`).join(", ")}: {msg.missing.length > 1 ? "they render" : "it renders"} empty for this contact.
        </p>
      ) : null}
    </div>
  );
}
