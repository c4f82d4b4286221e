import { Check } from "lucide-react";
import { getDb } from "@/db";
import { Badge } from "@/components/ui/badge";
import { deliveryStatusLabels, deliveryStatusTones, type DeliveryStatus } from "@/lib/deliveries/labels";
import { getDirectMailPanel } from "@/lib/providers/queries";
import { cn, formatDateTime } from "@/lib/utils";
import { ApproveFileButton, FinishProviderDeliveryForm } from "./direct-mail-actions";

const steps = ["pending_extraction", "file_to_approve", "sent_to_provider", "finished"] as const satisfies readonly DeliveryStatus[];

/** Pending extraction → File to approve → Sent to provider → Finished (§7), as a stepper. */
function ProviderStepper({ status }: { status: DeliveryStatus }) {
  const at = (steps as readonly string[]).indexOf(status);
  return (
    <ol className="flex flex-wrap items-center gap-2" aria-label="Provider steps">
      {steps.map((s, i) => {
        const done = at > i || status === "finished";
        const current = at === i && status !== "finished";
        return (
          <li key={s} className="flex items-center gap-2" aria-current={current ? "step" : undefined}>
            <span
              className={cn(
                "flex size-6 items-center justify-center rounded-full text-xs font-semibold ring-1 ring-inset",
                done ? "bg-emerald-600 text-white ring-emerald-600" : current ? "bg-blue-700 text-white ring-blue-700" : "bg-white text-slate-500 ring-slate-300",
              )}
            >
              {done ? <Check className="size-3.5" aria-hidden /> : i + 1}
            </span>
            <span className={cn("text-sm", current ? "font-semibold text-slate-900" : "text-slate-600")}>{deliveryStatusLabels[s]}</span>
            {i < steps.length - 1 ? <span className="h-px w-6 bg-slate-300" aria-hidden /> : null}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A direct-mail delivery's provider step (§7, §8) for central pages: where it stands, the
 * extraction file (download, **Approve the file**) and **Mark finished** with the real cost.
 * Loads its own data; renders nothing for an email delivery or a missing one.
 */
export async function DirectMailPanel({ deliveryId }: { deliveryId: string }) {
  const data = await getDirectMailPanel(getDb(), deliveryId);
  if (!data || data.delivery.channel !== "direct_mail") return null;
  const { delivery, provider, file, messages } = data;
  const status = delivery.status as DeliveryStatus;
  const onProviderPath = (steps as readonly string[]).includes(status);
  return (
    <section className="space-y-4" aria-label="Service provider">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700">
          Service provider: <span className="font-medium text-slate-900">{provider?.name ?? "none chosen"}</span>
          {provider ? <span className="text-slate-500"> · {provider.finishOnSend ? "finished when the file is sent" : "finished when the provider reports back"}</span> : null}
        </p>
        <Badge tone={deliveryStatusTones[status]}>{deliveryStatusLabels[status]}</Badge>
      </div>
      {onProviderPath ? <ProviderStepper status={status} /> : <p className="text-sm text-slate-600">The delivery is {deliveryStatusLabels[status].toLowerCase()}: the provider steps start once it is approved and reached.</p>}
      {!provider && status === "pending_extraction" ? <p className="text-sm text-amber-800">Choose a service provider for this delivery: without one, no file can be extracted.</p> : null}
      {status === "pending_extraction" && provider ? <p className="text-sm text-slate-600">The extraction file is made by the Jobs on service providers workflow, within 15 minutes.</p> : null}

      {file ? (
        <div className="space-y-2 rounded-md border border-slate-200 p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm">
              <span className="font-mono text-slate-900">{file.fileName}</span>
              <span className="text-slate-500">
                {" "}
                · {file.rowCount.toLocaleString("en")} row{file.rowCount === 1 ? "" : "s"} · made {formatDateTime(file.createdAt)}
              </span>
            </p>
            <a href={`/admin/providers/deliveries/${delivery.id}/file`} className="text-sm font-medium text-blue-700 hover:underline" download>
              Download
            </a>
          </div>
          <p className="text-sm text-slate-600">
            {file.approvedAt ? `Approved by ${file.approvedBy ?? "a former operator"} on ${formatDateTime(file.approvedAt)}.` : "Not approved yet."}
            {file.sentAt ? ` Sent to the provider on ${formatDateTime(file.sentAt)}.` : file.approvedAt ? " It goes to the provider shortly." : ""}
          </p>
          {status === "file_to_approve" && !file.approvedAt ? <ApproveFileButton deliveryId={delivery.id} /> : null}
        </div>
      ) : null}

      {messages.sent || messages.queued ? (
        <p className="text-xs text-slate-500">
          Contacts: {(messages.queued ?? 0).toLocaleString("en")} waiting, {(messages.sent ?? 0).toLocaleString("en")} handed to the provider.
        </p>
      ) : null}

      {status === "sent_to_provider" || status === "finished" ? (
        <FinishProviderDeliveryForm deliveryId={delivery.id} finished={status === "finished"} realCost={delivery.realCost} />
      ) : null}
    </section>
  );
}
