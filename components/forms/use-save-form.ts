"use client";

import { useState, useTransition } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";
import { applyServerErrors } from "./server-errors";

/**
 * The submit of an edit form: save through the server action, put refusals on their fields (the
 * typed values stay), and hand the saved result on. Returns the form-level error and pending state.
 */
export function useSaveForm<T extends FieldValues, R>(
  form: UseFormReturn<T>,
  save: (values: T) => Promise<ActionResult<R>>,
  onSaved: (data: R) => void,
) {
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setFormError(undefined);
      const res = await save(values);
      if (!res.ok) {
        applyServerErrors(form, res);
        setFormError(res.error);
        return;
      }
      onSaved(res.data);
    }),
  );
  return { onSubmit, formError, pending };
}
