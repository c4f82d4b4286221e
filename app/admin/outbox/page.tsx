import type { Metadata } from "next";
import { getDb } from "@/db";
import { StatusBar } from "@/components/charts/status-bar";
import { Card, PageHeader } from "@/components/ui/card";
import { listOutbox, outboxSortable, outboxStatusCounts, type NotificationStatus } from "@/lib/notifications/queries";
import { pageCentral } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { OutboxTable } from "./outbox-table";

export const metadata: Metadata = { title: "Outbox" };

const statuses: NotificationStatus[] = ["queued", "sending", "sent", "failed"];

export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageCentral("/admin/outbox");
  const sp = await searchParams;
  const query = parseTableQuery(sp, outboxSortable, { sort: "createdAt", desc: true });
  const status = statuses.find((s) => s === firstParam(sp, "status"));
  const db = getDb();
  const [{ rows, total }, counts] = await Promise.all([listOutbox(db, { ...query, status }), outboxStatusCounts(db)]);
  const catcher = process.env.MAIL_CATCHER_URL;
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email the portal sends, with its delivery status and attempts."
        actions={
          catcher ? (
            <a href={catcher} target="_blank" rel="noreferrer" className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100">
              Open the mail catcher
            </a>
          ) : undefined
        }
      />
      <Card className="mb-6">
        <StatusBar
          title="Emails by status"
          segments={[
            { label: "Sent", value: counts.sent, className: "bg-emerald-500" },
            { label: "Queued", value: counts.queued, className: "bg-blue-400" },
            { label: "Sending", value: counts.sending, className: "bg-indigo-400" },
            { label: "Failed", value: counts.failed, className: "bg-red-500" },
          ]}
        />
      </Card>
      <OutboxTable rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null }))} total={total} />
    </>
  );
}
