import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

/**
 * Puts each server field error on its field (the form keeps what was typed) and returns the
 * message for the form itself when the refusal is not about one field.
 */
export function applyServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  res: { error: string; fieldErrors?: Record<string, string> },
): string | undefined {
  for (const [field, message] of Object.entries(res.fieldErrors ?? {})) form.setError(field as Path<T>, { message });
  return res.fieldErrors ? undefined : res.error;
}
