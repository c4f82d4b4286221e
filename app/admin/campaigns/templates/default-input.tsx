"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Input, Select } from "@/components/ui/input";
import type { PersonalizationFieldInput } from "@/lib/campaigns/schemas";

/** The default value control that suits the field's type. */
export function DefaultInput(props: { id: string; type: PersonalizationFieldInput["type"]; options: string[]; invalid: boolean; register: UseFormRegisterReturn }) {
  const common = { id: props.id, "aria-invalid": props.invalid, ...props.register };
  switch (props.type) {
    case "boolean":
      return (
        <Select {...common}>
          <option value="">No default</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </Select>
      );
    case "select":
      return (
        <Select {...common}>
          <option value="">No default</option>
          {props.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
      );
    case "file":
      return <Input id={props.id} disabled placeholder="Files have no default" />;
    default:
      return <Input {...common} type={props.type === "date" ? "date" : props.type === "number" ? "number" : "text"} step="any" />;
  }
}
