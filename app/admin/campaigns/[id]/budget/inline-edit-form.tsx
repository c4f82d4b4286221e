"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

/**
 * The state of a form that adds or edits one row of a Budget tab list in place. Server refusals land
 * on their fields; once saved, the form closes and the page refreshes, since a save can move the
 * campaign's totals and the other lists, not only this row.
 */
export function useInlineEditForm<T extends FieldValues>(opts: {
  resolver: Resolver<T>;
  initial: DefaultValues<T>;
  save: (values: T) => Promise<ActionResult<unknown>>;
  onDone: () => void;
}) {
  const router = useRouter();
  const form = useForm<T>({ resolver: opts.resolver, defaultValues: opts.initial });
  const { onSubmit, formError, pending } = useSaveForm(form, opts.save, () => {
    opts.onDone();
    router.refresh();
  });
  return { form, errors: form.formState.errors, shell: { onSubmit, formError, pending, onCancel: opts.onDone } };
}

/**
 * The frame of such a form: named "New {noun}", or "Edit {noun}" with `editTitle` as its heading
 * when it edits a row, then the form-level error, the fields, and Cancel beside the save button.
 */
export function InlineEditForm(props: {
  noun: string;
  /** Set when editing a row: its heading. */
  editTitle?: string;
  submitLabel: string;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  formError?: string;
  pending: boolean;
  children: ReactNode;
}) {
  const editing = props.editTitle !== undefined;
  return (
    <form onSubmit={props.onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label={editing ? `Edit ${props.noun}` : `New ${props.noun}`}>
      <h3 className="text-sm font-semibold text-slate-900">{editing ? props.editTitle : `New ${props.noun}`}</h3>
      <FormError message={props.formError} />
      {props.children}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={props.pending}>
          {props.pending ? "Saving…" : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
