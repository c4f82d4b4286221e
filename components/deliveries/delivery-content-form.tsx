"use client";

import { SaveBar } from "@/components/forms/save-bar";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useSaveForm } from "@/components/forms/use-save-form";
import { FormError } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { deliveryContentSchema, type DeliveryContentInput } from "@/lib/deliveries/schemas";
import { MessageFields } from "./message-fields";
import type { PreviewSample } from "./message-preview";

/** The entity's editor of its own campaign's delivery: the message only, with its live preview. */
export function DeliveryContentForm(props: {
  initial: DeliveryContentInput;
  sample: PreviewSample;
  editable: boolean;
  save: (values: DeliveryContentInput) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<DeliveryContentInput>({ resolver: zodResolver(deliveryContentSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const [subject, body] = useWatch({ control: form.control, name: ["subject", "body"] });
  const { onSubmit, formError, pending } = useSaveForm(form, props.save, () => {
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-5" aria-label="Delivery message">
      <FormError message={formError} />
      <fieldset disabled={!props.editable}>
        <MessageFields
          subject={form.register("subject")}
          body={form.register("body")}
          values={{ subject, body }}
          errors={{ subject: errors.subject?.message, body: errors.body?.message }}
          sample={props.sample}
        />
      </fieldset>
      {props.editable ? <SaveBar pending={pending} saved={saved} /> : null}
    </form>
  );
}
