import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";

export type Option = { id: string; label: string };

/** The budget a plan or program charges: its campaigns charge it unless they name their own. */
export function BudgetSelect(props: { id: string; budgets: Option[]; error?: string; register: UseFormRegisterReturn }) {
  return (
    <Field id={props.id} label="Budget" error={props.error} hint="Campaigns charge it unless they, or their program, name another.">
      <Select id={props.id} aria-invalid={!!props.error} {...props.register}>
        <option value="">None</option>
        {props.budgets.map((b) => (
          <option key={b.id} value={b.id}>
            {b.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
