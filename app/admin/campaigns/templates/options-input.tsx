"use client";

import { useState } from "react";
import { Textarea } from "@/components/ui/input";

/**
 * A select field's options typed one per line. The text is kept as typed (blank lines while
 * editing) and only the cleaned list goes into the form.
 */
export function OptionsInput(props: { id: string; value: string[]; onChange: (options: string[]) => void; invalid: boolean }) {
  const [text, setText] = useState(props.value.join("\n"));
  return (
    <Textarea
      id={props.id}
      rows={3}
      aria-invalid={props.invalid}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(
          e.target.value
            .split("\n")
            .map((s) => s.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
