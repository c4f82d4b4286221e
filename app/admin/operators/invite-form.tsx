"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyServerErrors } from "@/components/forms/server-errors";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { inviteSchema, type InviteInput } from "@/lib/operators/schemas";
import { inviteOperatorAction } from "./actions";

const empty: InviteInput = { email: "", name: "", role: "local", isAdmin: false, entityIds: [] };

export function InviteForm({ entities }: { entities: { id: string; label: string }[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const form = useForm<InviteInput>({ resolver: zodResolver(inviteSchema), defaultValues: empty });
  const { errors } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });
  const selected = useWatch({ control: form.control, name: "entityIds" });

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setMessage(undefined);
      const res = await inviteOperatorAction(values);
      if (!res.ok) {
        const formError = applyServerErrors(form, res);
        if (formError) setMessage({ ok: false, text: formError });
        return;
      }
      setMessage({ ok: true, text: `Invitation emailed to ${values.email}.` });
      form.reset(empty);
      router.refresh();
    }),
  );

  return (
    <Card>
      <h2 className="mb-4 text-sm font-semibold text-slate-900">Invite someone</h2>
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        {message?.ok ? <FormSuccess message={message.text} /> : <FormError message={message?.text} />}
        <Field id="inv-email" label="Email" error={errors.email?.message}>
          <Input id="inv-email" type="email" aria-invalid={!!errors.email} {...form.register("email")} />
        </Field>
        <Field id="inv-name" label="Name" error={errors.name?.message}>
          <Input id="inv-name" aria-invalid={!!errors.name} {...form.register("name")} />
        </Field>
        <Field id="inv-role" label="Role" error={errors.role?.message}>
          <Select id="inv-role" {...form.register("role")}>
            <option value="local">Local operator</option>
            <option value="central">Central operator</option>
          </Select>
        </Field>
        {role === "central" ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="size-4 accent-blue-700" {...form.register("isAdmin")} />
            Also a central administrator
          </label>
        ) : (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-700">Entities</legend>
            <ul className="max-h-44 space-y-1 overflow-auto rounded-md border border-slate-200 p-2">
              {entities.map((e) => (
                <li key={e.id}>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-blue-700"
                      checked={selected.includes(e.id)}
                      onChange={(ev) =>
                        form.setValue("entityIds", ev.target.checked ? [...selected, e.id] : selected.filter((id) => id !== e.id), { shouldValidate: form.formState.isSubmitted })
                      }
                    />
                    {e.label}
                  </label>
                </li>
              ))}
            </ul>
            {errors.entityIds?.message ? (
              <p role="alert" className="text-sm text-red-700">
                {errors.entityIds.message}
              </p>
            ) : null}
          </fieldset>
        )}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </form>
    </Card>
  );
}
