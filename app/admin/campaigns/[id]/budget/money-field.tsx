import type { FieldError, UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/**
 * An amount in the campaign's currency. It stays the decimal string that was typed (a text input,
 * not a number one) so that the schemas parse it exactly, without a float in between.
 */
export function MoneyField({ id, label, hint, currency, error, ...registration }: { id: string; label: string; hint?: string; currency: string; error?: FieldError } & UseFormRegisterReturn) {
  return (
    <Field id={id} label={`${label} (${currency})`} hint={hint} error={error?.message}>
      <Input id={id} inputMode="decimal" className="max-w-48" aria-invalid={!!error} {...registration} />
    </Field>
  );
}
