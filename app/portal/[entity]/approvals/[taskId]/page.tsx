import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { approvalContactSortable, getApprovalTask, listApprovalContacts, reachedDeliveries } from "@/lib/execution/approval-queries";
import { pageEntity } from "@/lib/pages";
import { parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { formatDateTime } from "@/lib/utils";
import { ApproveTargetingForm } from "./approve-targeting-form";
import { ApprovalContactsTable } from "./approval-contacts-table";

export const metadata: Metadata = { title: "Target approval" };

const statusText = { pending: "Waiting for your approval", approved: "Approved", expired: "Not answered before the deadline" } as const;

export default async function TargetApprovalPage(props: { params: Promise<{ entity: string; taskId: string }>; searchParams: Promise<SearchParams> }) {
  const { entity: slug, taskId } = await props.params;
  const { entity } = await pageEntity(`/portal/${slug}/approvals/${taskId}`, slug);
  if (!z.uuid().safeParse(taskId).success) notFound();
  const task = await getApprovalTask(getDb(), entity.id, taskId);
  if (!task) notFound();
  const query = parseTableQuery(await props.searchParams, approvalContactSortable, { sort: "lastName" });
  const [{ rows, total }, reports] = await Promise.all([listApprovalContacts(getDb(), entity.id, task.workflowId, query), reachedDeliveries(getDb(), entity.id, task.workflowId)]);
  const open = task.open;
  return (
    <>
      <PageHeader
        title={`Target approval: ${task.campaignLabel}`}
        description={open ? "Uncheck the contacts this campaign must not reach, then approve the targeting." : "The targeting can no longer change."}
        actions={<Badge tone={task.status === "approved" ? "green" : open ? "amber" : "gray"}>{open || task.status !== "pending" ? statusText[task.status] : statusText.expired}</Badge>}
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Card>
          <p className="text-xs text-slate-500">Targeted contacts</p>
          <p className="text-2xl font-semibold tabular-nums text-slate-900">{task.total.toLocaleString("en-GB")}</p>
        </Card>
        <Card>
          <p className="text-xs text-slate-500">Checked (will be kept)</p>
          <p className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="checked-count">
            {task.checked.toLocaleString("en-GB")}
          </p>
          <div className="mt-2 h-1.5 rounded bg-slate-100" aria-hidden>
            <div className="h-1.5 rounded bg-blue-600" style={{ width: `${task.total ? (task.checked / task.total) * 100 : 0}%` }} />
          </div>
        </Card>
        <Card>
          <p className="text-xs text-slate-500">Approval deadline</p>
          <p className="text-base font-medium text-slate-900">{formatDateTime(task.deadline)}</p>
        </Card>
      </div>
      <ApprovalContactsTable entity={entity.internalName} taskId={task.id} rows={rows} total={total} editable={open} />
      <Card className="mt-6">
        {open ? (
          <ApproveTargetingForm entity={entity.internalName} taskId={task.id} checked={task.checked} total={task.total} />
        ) : (
          <p className="text-sm text-slate-600">
            {task.status === "approved" ? `Approved on ${formatDateTime(task.decidedAt)}.` : "The deadline passed without an answer."}
            {task.comment ? ` Comment: ${task.comment}` : ""}
          </p>
        )}
        {reports.length ? (
          <ul className="mt-3 space-y-1 text-sm">
            {reports.map((d) => (
              <li key={d.id}>
                <Link className="font-medium text-blue-700 hover:underline" href={`/portal/${entity.internalName}/campaigns/${task.campaignId}/deliveries/${d.id}`}>
                  Delivery feedback report: {d.label}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </>
  );
}
