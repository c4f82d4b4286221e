"use client";

import { TriangleAlert } from "lucide-react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions";
import type { TargetEvaluation } from "@/lib/campaigns/targeting";
import type { ParameterFormValue, ParameterValue } from "@/lib/orders/parameters";
import type { previewOrder } from "@/lib/orders/target";

export type OrderPreview = Awaited<ReturnType<typeof previewOrder>>;
type Envelope = { entity: string; packageId: string };
export type EvaluateTargetAction = (input: Envelope) => Promise<ActionResult<TargetEvaluation>>;
export type PreviewOrderAction = (input: Envelope & { contactEmail: string; parameters: Record<string, ParameterValue> }) => Promise<ActionResult<OrderPreview>>;

/**
 * The values a preview personalizes with: what the form holds now, a chosen file as its name
 * (what the order will store), and a file field left empty as the file already on the order.
 */
export function previewValues(values: Record<string, ParameterFormValue | undefined>, filesOnOrder: Record<string, string> = {}): Record<string, ParameterValue> {
  return Object.fromEntries(
    Object.entries(values).map(([name, v]) => [name, v instanceof File ? v.name : v === null || v === undefined || v === "" ? (filesOnOrder[name] ?? (v ?? null)) : v]),
  );
}

/**
 * **Evaluate target** and **Preview** (§4) on an order's parameters: how many of the entity's
 * contacts the campaign would reach, and the personalized message for one of them. Shared by the
 * order wizard and the order edit page; the caller passes its server actions.
 */
export function TargetPanels(props: Envelope & { evaluate: EvaluateTargetAction; preview: PreviewOrderAction; parameters: () => Record<string, ParameterValue> }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <EvaluateTargetPanel entity={props.entity} packageId={props.packageId} evaluate={props.evaluate} />
      <PreviewPanel entity={props.entity} packageId={props.packageId} preview={props.preview} parameters={props.parameters} />
    </div>
  );
}

export function EvaluateTargetPanel(props: Envelope & { evaluate: EvaluateTargetAction }) {
  const [result, setResult] = useState<TargetEvaluation>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      setError(undefined);
      const res = await props.evaluate({ entity: props.entity, packageId: props.packageId });
      if (!res.ok) {
        setResult(undefined);
        setError(res.error);
        return;
      }
      setResult(res.data);
    });
  const rows: [string, number][] = result
    ? [
        ["Targeted contacts", result.targeted],
        ["Excluded: unsubscribed", result.unsubscribed],
        ["Excluded: bounced", result.bounced],
        ["Excluded: pressure rule", result.pressure],
        ["Control group", result.controlGroup],
      ]
    : [];
  return (
    <section aria-labelledby="evaluate-target-title" className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 id="evaluate-target-title" className="text-sm font-semibold text-slate-900">Target</h3>
          <p className="text-xs text-slate-500">How many of your contacts the campaign would reach.</p>
        </div>
        <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={run}>
          {pending ? "Evaluating…" : "Evaluate target"}
        </Button>
      </div>
      <FormError message={error} />
      {result ? (
        <dl className="space-y-1 text-sm" aria-live="polite">
          {rows.map(([label, n]) => (
            <div key={label} className="flex justify-between gap-4">
              <dt className="text-slate-600">{label}</dt>
              <dd className="tabular-nums text-slate-900">{n.toLocaleString("en")}</dd>
            </div>
          ))}
          <div className="flex justify-between gap-4 border-t border-slate-200 pt-1 font-semibold">
            <dt className="text-slate-900">Would reach</dt>
            <dd className="tabular-nums text-slate-900">{result.final.toLocaleString("en")}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}

export function PreviewPanel(props: Envelope & { preview: PreviewOrderAction; parameters: () => Record<string, ParameterValue> }) {
  const [email, setEmail] = useState("");
  const [result, setResult] = useState<OrderPreview>();
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      setError({});
      const res = await props.preview({ entity: props.entity, packageId: props.packageId, contactEmail: email, parameters: props.parameters() });
      if (!res.ok) {
        setResult(undefined);
        const field = res.fieldErrors?.contactEmail;
        setError(field ? { field } : { form: res.error });
        return;
      }
      setResult(res.data);
    });
  return (
    <section aria-labelledby="preview-title" className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <div>
        <h3 id="preview-title" className="text-sm font-semibold text-slate-900">Preview</h3>
        <p className="text-xs text-slate-500">The message personalized with the values above, for one of your contacts.</p>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <Field id="preview-contact" label="Contact email (optional)" hint="Leave empty to use your first contact." error={error.field}>
            <Input
              id="preview-contact"
              type="email"
              autoComplete="off"
              aria-invalid={Boolean(error.field)}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              onKeyDown={(e) => {
                // Enter previews rather than submitting the order form around it.
                if (e.key === "Enter") {
                  e.preventDefault();
                  run();
                }
              }}
            />
          </Field>
        </div>
        <Button type="button" variant="secondary" size="sm" className="mb-0.5" disabled={pending} onClick={run}>
          {pending ? "Previewing…" : "Preview"}
        </Button>
      </div>
      <FormError message={error.form} />
      {result ? (
        <div className="space-y-3 text-sm" aria-live="polite">
          <p className="text-xs text-slate-500">
            Previewed for {result.contact.name ? `${result.contact.name} ` : ""}&lt;{result.contact.email}&gt;
          </p>
          {result.empty ? (
            <p className="rounded-md border border-slate-200 bg-white p-3 text-slate-600">The central team has not written the message yet.</p>
          ) : (
            <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
              <p>
                <span className="text-slate-500">Subject: </span>
                <span className="font-medium text-slate-900">{result.subject}</span>
              </p>
              <div className="whitespace-pre-line break-words text-slate-800">{result.body}</div>
            </div>
          )}
          {result.missing.length ? (
            <div role="status" className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-900">
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              <p>
                These placeholders have no value yet and show empty: {result.missing.map((m) => `{{${m}}}`).join(", ")}.
              </p>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
