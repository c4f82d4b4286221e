"use client";

import { Paperclip, X } from "lucide-react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

// Pieces shared by the order wizard and the order edit page.

export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The first message of a react-hook-form error, whether it sits on the array or on one item. */
export function errorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const own = (error as { message?: unknown }).message;
  if (typeof own === "string" && own) return own;
  if (Array.isArray(error)) for (const item of error) if (errorMessage(item)) return errorMessage(item);
  const root = (error as { root?: unknown }).root;
  return root ? errorMessage(root) : undefined;
}

/**
 * New documents for the order: a regular multiple file input (each choice adds to the list) and
 * the chosen files, each with its own Remove button.
 */
export function DocumentsPicker(props: { id: string; label: string; hint?: string; value: File[]; onChange: (files: File[]) => void; onBlur?: () => void; error?: string }) {
  return (
    <div className="space-y-2">
      <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
        <Input
          id={props.id}
          type="file"
          multiple
          className="py-2"
          aria-invalid={Boolean(props.error)}
          aria-describedby={props.error ? `${props.id}-error` : undefined}
          onBlur={props.onBlur}
          onChange={(e) => {
            const picked = Array.from(e.currentTarget.files ?? []);
            // Clear the input so that the same file can be chosen again after a removal.
            e.currentTarget.value = "";
            if (picked.length) props.onChange([...props.value, ...picked]);
          }}
        />
      </Field>
      {props.value.length ? (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Chosen documents">
          {props.value.map((file, i) => (
            <li key={`${i}-${file.name}`} className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm">
              <span className="flex min-w-0 items-center gap-1.5">
                <Paperclip className="size-3.5 shrink-0 text-slate-500" aria-hidden />
                <span className="truncate text-slate-800">{file.name}</span>
                <span className="shrink-0 text-xs text-slate-500">{fileSize(file.size)}</span>
              </span>
              <button
                type="button"
                aria-label={`Remove ${file.name}`}
                className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 hover:text-red-700"
                onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}
              >
                <X className="size-3.5" aria-hidden /> Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Puts the server's field errors on the fields this form shows ("label", "parameters.storeName",
 * "documents.1"…) and returns what is left for a form-level message, and whether an error landed
 * on one of the `first` fields (the wizard's step one).
 */
export function applyOrderServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  res: { error: string; fieldErrors?: Record<string, string> },
  shown: { fields: string[]; reviewers: boolean; documents: boolean; documentNames?: string[]; first?: string[] },
): { message?: string; first: boolean } {
  if (!res.fieldErrors) return { message: res.error, first: false };
  const fields = new Set(shown.fields);
  const rest: string[] = [];
  let first = false;
  const put = (name: string, message: string) => {
    form.setError(name as Path<T>, { message }, { shouldFocus: false });
    if (shown.first?.includes(name)) first = true;
  };
  for (const [key, message] of Object.entries(res.fieldErrors)) {
    const [head = "", ...tail] = key.split(".");
    const sub = tail.join(".");
    if (head === "label" || head === "comment") put(head, message);
    else if (head === "reviewerIds" && shown.reviewers) put("reviewerIds", message);
    else if (head === "documents" && shown.documents) {
      const name = /^\d+$/.test(sub) ? shown.documentNames?.[Number(sub)] : undefined;
      put("documents", name ? `${name}: ${message}` : message);
    } else if (head === "parameters" && fields.has(sub)) put(key, message);
    else rest.push(message);
  }
  return { message: rest.length ? rest.join(" ") : undefined, first };
}
