"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { FormFooter } from "@/components/forms/form-footer";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { entityFormSchema, type EntityFormInput } from "@/lib/entities/schemas";
import { createEntityAction, updateEntityAction } from "./actions";
import { CheckboxList } from "@/components/forms/checkbox-list";

type Option = { id: string; label: string };
type Operator = { id: string; name: string; email: string };

const groups = [
  { name: "packageNotification", label: "Package notification group", hint: "Receives the emails about packages offered to this entity." },
  { name: "orderReviewers", label: "Order reviewers group", hint: "Approves this entity's orders. When empty, central operators approve." },
  { name: "campaignReviewers", label: "Campaign reviewers group", hint: "Approves this entity's local campaigns." },
] as const;

export function EntityForm(props: { id?: string; initial: EntityFormInput; parents: Option[]; operators: Operator[] }) {
  const router = useRouter();
  const form = useForm<EntityFormInput>({ resolver: zodResolver(entityFormSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const [members, ...groupValues] = useWatch({
    control: form.control,
    name: ["members", "packageNotification", "orderReviewers", "campaignReviewers"],
  });
  const toOption = (o: Operator) => ({ id: o.id, label: o.name, hint: o.email });
  const memberOptions = props.operators.filter((o) => members.includes(o.id)).map(toOption);

  const { onSubmit, formError, pending } = useSaveForm(
    form,
    (values) => (props.id ? updateEntityAction({ ...values, id: props.id }) : createEntityAction(values)),
    (_data) => {
      router.push("/admin/entities");
      router.refresh();
    },
  );

  const setMembers = (ids: string[]) => {
    form.setValue("members", ids, { shouldDirty: true });
    // Someone removed from the entity leaves its groups too.
    for (const g of groups) form.setValue(g.name, form.getValues(g.name).filter((id) => ids.includes(id)));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormError message={formError} />
      <Card className="grid gap-4 md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-900 md:col-span-2">Details</h2>
        <Field id="label" label="Label" error={errors.label?.message}>
          <Input id="label" aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field id="internalName" label="Internal name" hint="Used in the portal address: /portal/<internal name>." error={errors.internalName?.message}>
          <Input id="internalName" aria-invalid={!!errors.internalName} {...form.register("internalName")} />
        </Field>
        <Field id="email" label="Email" error={errors.email?.message}>
          <Input id="email" type="email" aria-invalid={!!errors.email} {...form.register("email")} />
        </Field>
        <Field id="phone" label="Phone" error={errors.phone?.message}>
          <Input id="phone" type="tel" aria-invalid={!!errors.phone} {...form.register("phone")} />
        </Field>
        <Field id="address" label="Address" error={errors.address?.message}>
          <Textarea id="address" rows={2} aria-invalid={!!errors.address} {...form.register("address")} />
        </Field>
        <Field id="parentId" label="Parent entity" hint="Optional: the region this entity belongs to." error={errors.parentId?.message}>
          <Select id="parentId" aria-invalid={!!errors.parentId} {...form.register("parentId")}>
            <option value="">No parent</option>
            {props.parents
              .filter((p) => p.id !== props.id)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
          </Select>
        </Field>
      </Card>
      <Card className="space-y-4">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Operators</h2>
          <p className="text-xs text-slate-500">Local operators who can open this entity&apos;s portal.</p>
        </div>
        <CheckboxList name="members" legend="Operators of this entity" options={props.operators.map(toOption)} value={members} onChange={setMembers} error={errors.members?.message} searchable />
      </Card>
      <Card className="grid gap-6 md:grid-cols-3">
        {groups.map((g, i) => (
          <CheckboxList
            key={g.name}
            name={g.name}
            legend={g.label}
            hint={g.hint}
            options={memberOptions}
            value={groupValues[i] ?? []}
            onChange={(ids) => form.setValue(g.name, ids, { shouldDirty: true })}
            error={errors[g.name]?.message}
            emptyText="Add operators to the entity first."
          />
        ))}
      </Card>
      <FormFooter cancelHref={"/admin/entities"} pending={pending} submitLabel={props.id ? "Save" : "Create entity"} />
    </form>
  );
}
