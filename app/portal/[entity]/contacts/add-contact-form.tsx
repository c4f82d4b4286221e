"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyServerErrors } from "@/components/forms/server-errors";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { contactFormSchema, type ContactFormInput } from "@/lib/contacts/schemas";
import { addContactAction } from "./actions";

export function AddContactForm({ entity }: { entity: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<ContactFormInput>({
    resolver: zodResolver(contactFormSchema),
    defaultValues: { entity, email: "", firstName: "", lastName: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setMessage(undefined);
      const res = await addContactAction(values);
      if (!res.ok) {
        setMessage(applyServerErrors(form, res));
        return;
      }
      form.reset({ entity, email: "", firstName: "", lastName: "" });
      setOpen(false);
      router.refresh();
    }),
  );

  return (
    <Dialog open={open} onOpenChange={setOpen} title="Add a contact" description="The contact joins your entity's list only." trigger={<Button>Add contact</Button>}>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <FormError message={message} />
        <Field id="c-email" label="Email" error={errors.email?.message}>
          <Input id="c-email" type="email" aria-invalid={!!errors.email} {...form.register("email")} />
        </Field>
        <Field id="c-first" label="First name" error={errors.firstName?.message}>
          <Input id="c-first" aria-invalid={!!errors.firstName} {...form.register("firstName")} />
        </Field>
        <Field id="c-last" label="Last name" error={errors.lastName?.message}>
          <Input id="c-last" aria-invalid={!!errors.lastName} {...form.register("lastName")} />
        </Field>
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Adding…" : "Add contact"}
        </Button>
      </form>
    </Dialog>
  );
}
