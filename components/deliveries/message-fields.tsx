"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { MessagePreview, type PreviewSample } from "./message-preview";

/** Subject and message, side by side with their live preview. */
export function MessageFields(props: {
  subject: UseFormRegisterReturn<"subject">;
  body: UseFormRegisterReturn<"body">;
  values: { subject: string; body: string };
  errors: { subject?: string; body?: string };
  sample: PreviewSample;
}) {
  const { errors } = props;
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <div className="space-y-4">
        <Field id="subject" label="Subject" error={errors.subject}>
          <Input id="subject" aria-invalid={!!errors.subject} aria-describedby={errors.subject ? "subject-error" : undefined} {...props.subject} />
        </Field>
        <Field id="body" label="Message" hint="Placeholders such as {{firstName}} or {{storeName}} take each contact's and the entity's values. Links are tracked; an unsubscribe link is added." error={errors.body}>
          <Textarea id="body" rows={12} aria-invalid={!!errors.body} aria-describedby={errors.body ? "body-error" : undefined} {...props.body} />
        </Field>
      </div>
      <MessagePreview subject={props.values.subject} body={props.values.body} sample={props.sample} />
    </div>
  );
}
