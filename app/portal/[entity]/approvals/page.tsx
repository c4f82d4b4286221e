import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { listApprovalTasks } from "@/lib/execution/approval-queries";
import { pageEntity } from "@/lib/pages";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Target approvals" };

export default async function TargetApprovalsPage(props: { params: Promise<{ entity: string }> }) {
  const { entity: slug } = await props.params;
  const { entity } = await pageEntity(`/portal/${slug}/approvals`, slug);
  const tasks = await listApprovalTasks(getDb(), entity.id);
  return (
    <>
      <PageHeader title="Target approvals" description="Campaigns by target approval ask you which of your contacts they may reach." />
      <Card className="p-0">
        {tasks.length ? (
          <ul className="divide-y divide-slate-100">
            {tasks.map((t) => (
              <li key={t.id} className="flex items-center justify-between gap-4 px-4 py-3">
                <div>
                  <Link href={`/portal/${entity.internalName}/approvals/${t.id}`} className="font-medium text-blue-700 hover:underline">
                    {t.campaignLabel}
                  </Link>
                  <p className="text-xs text-slate-500">Deadline {formatDateTime(t.deadline)}</p>
                </div>
                <Badge tone={t.status === "approved" ? "green" : t.open ? "amber" : "gray"}>{t.status === "approved" ? "Approved" : t.open ? "To approve" : "Not answered"}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-4 py-6 text-sm text-slate-500">No campaign has asked your entity to approve its targeting.</p>
        )}
      </Card>
    </>
  );
}
