"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { approveDeliveryFileAction, finishProviderDeliveryAction } from "@/app/admin/providers/direct-mail-actions";
import { finishProviderDeliverySchema, type FinishProviderDeliveryInput } from "@/lib/providers/schemas";

/** **Approve the file**: supplierMgt then emails it to the provider. */
export function ApproveFileButton({ deliveryId }: { deliveryId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  if (done) return <FormSuccess message="File approved: it is emailed to the provider within a few minutes." />;
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            const res = await approveDeliveryFileAction(deliveryId);
            if (!res.ok) return setError(res.error);
            setDone(true);
            router.refresh();
          })
        }
      >
        Approve the file
      </Button>
    </div>
  );
}

/**
 * **Mark finished** once the provider reports the job done, with the real cost it reports; on a
 * finished delivery, records (or corrects) that real cost.
 */
export function FinishProviderDeliveryForm(props: { deliveryId: string; finished: boolean; realCost: string | null }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<FinishProviderDeliveryInput>({
    resolver: zodResolver(finishProviderDeliverySchema),
    defaultValues: { deliveryId: props.deliveryId, realCost: props.realCost ?? "" },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setFormError(undefined);
      setSaved(undefined);
      const res = await finishProviderDeliveryAction(values);
      if (!res.ok) return setFormError(applyServerErrors(form, res));
      setSaved(props.finished ? "Real cost recorded." : "Delivery finished.");
      router.refresh();
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label={props.finished ? "Real cost" : "Mark finished"}>
      <Field id={`real-cost-${props.deliveryId}`} label={props.finished ? "Real cost" : "Real cost (optional)"} hint="As the provider reports it, like 1250.40." error={errors.realCost?.message}>
        <Input id={`real-cost-${props.deliveryId}`} inputMode="decimal" className="w-40" aria-invalid={!!errors.realCost} {...form.register("realCost")} />
      </Field>
      <Button type="submit" size="sm" variant={props.finished ? "secondary" : "primary"} disabled={pending}>
        {props.finished ? "Record real cost" : "Mark finished"}
      </Button>
      <div className="basis-full">
        <FormError message={formError} />
        <FormSuccess message={saved} />
      </div>
    </form>
  );
}
