"use client";

import { Controller, type Control, type FieldValues, type Path } from "react-hook-form";
import type { GraphActivityInput } from "@/lib/workflows/graph";
import type { Option } from "./activity-settings";
import { collectGraphErrors } from "./graph-errors";
import { WorkflowGraphEditor } from "./workflow-graph-editor";

/** The graph editor as one react-hook-form field: the whole list of activities is its value. */
export function WorkflowGraphField<T extends FieldValues>(props: { control: Control<T>; name: Path<T>; distributions: Option[]; providers: Option[] }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => {
        const value = (field.value ?? []) as GraphActivityInput[];
        return (
          <WorkflowGraphEditor
            value={value}
            onChange={field.onChange}
            errors={collectGraphErrors(fieldState.error, value)}
            distributions={props.distributions}
            providers={props.providers}
          />
        );
      }}
    />
  );
}
