"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { CheckboxList, type CheckboxOption } from "@/components/forms/checkbox-list";
import { FormFooter } from "@/components/forms/form-footer";
import { SaveBar } from "@/components/forms/save-bar";
import { useSaveForm } from "@/components/forms/use-save-form";
import { Card } from "@/components/ui/card";
import { Field, FormError } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { stockLineSchema, type StockLineInput } from "@/lib/stock/schemas";
import { createStockLineAction, updateStockLineAction } from "./actions";

/**
 * A stock line (§9): the resource, its provider, the initial stock, the alert level and who is
 * emailed at the alert. A new line opens its page once created; an existing one saves in place.
 */
export function StockLineForm(props: { id?: string; initial: StockLineInput; providers: { id: string; name: string }[]; managers: CheckboxOption[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<StockLineInput>({ resolver: zodResolver(stockLineSchema), defaultValues: props.initial });
  const { errors } = form.formState;
  const { onSubmit, formError, pending } = useSaveForm(
    form,
    (values) => (props.id ? updateStockLineAction({ ...values, id: props.id }) : createStockLineAction(values)),
    (data) => {
      if (props.id) {
        setSaved(true);
        router.refresh();
      } else router.push(`/admin/stock/${data.id}`);
    },
  );
  const managerIds = useWatch({ control: form.control, name: "managerIds" }) ?? [];
  const describedBy = (name: keyof StockLineInput) => (errors[name] ? `${name}-error` : undefined);

  return (
    <form onSubmit={onSubmit} onChange={() => setSaved(false)} noValidate className="space-y-4" aria-label="Stock line">
      <FormError message={formError} />
      <Card className="space-y-4">
        <h2 className="text-sm font-semibold text-slate-900">Stock line</h2>
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="resource" label="Resource" hint="The marketing resource, as operators call it: Spring brochure A5, 10 € voucher…" error={errors.resource?.message}>
            <Input id="resource" aria-invalid={!!errors.resource} aria-describedby={describedBy("resource")} {...form.register("resource")} />
          </Field>
          <Field id="providerId" label="Provider" hint="Who supplies it; optional." error={errors.providerId?.message}>
            <Select id="providerId" aria-invalid={!!errors.providerId} aria-describedby={describedBy("providerId")} {...form.register("providerId")}>
              <option value="">No provider</option>
              {props.providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="initialStock" label="Initial stock" hint="What was in stock when the line was set up. Stock orders add to it." error={errors.initialStock?.message}>
            <Input id="initialStock" type="number" min={0} step={1} inputMode="numeric" className="max-w-48" aria-invalid={!!errors.initialStock} aria-describedby={describedBy("initialStock")} {...form.register("initialStock", { valueAsNumber: true })} />
          </Field>
          <Field id="alertLevel" label="Alert level" hint="At or below this, the stock managers are emailed, once per crossing." error={errors.alertLevel?.message}>
            <Input id="alertLevel" type="number" min={0} step={1} inputMode="numeric" className="max-w-48" aria-invalid={!!errors.alertLevel} aria-describedby={describedBy("alertLevel")} {...form.register("alertLevel", { valueAsNumber: true })} />
          </Field>
        </div>
        <CheckboxList
          name="managerIds"
          legend="Stock managers"
          hint="Central operators emailed when the line reaches its alert level. None chosen: no email; the dashboard still shows the alert."
          options={props.managers}
          value={managerIds}
          onChange={(ids) => form.setValue("managerIds", ids, { shouldDirty: true })}
          error={errors.managerIds?.message ?? errors.managerIds?.root?.message}
          searchable={props.managers.length > 8}
          emptyText="No active central operator."
        />
      </Card>
      {props.id ? <SaveBar pending={pending} saved={saved} /> : <FormFooter cancelHref="/admin/stock" pending={pending} submitLabel="Create stock line" />}
    </form>
  );
}
