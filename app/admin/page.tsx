import { count, eq } from "drizzle-orm";
import Link from "next/link";
import { getDb } from "@/db";
import { entities, users } from "@/db/schema";
import { StatusBar } from "@/components/charts/status-bar";
import { Card, PageHeader } from "@/components/ui/card";
import { outboxStatusCounts } from "@/lib/notifications/queries";
import { pageCentral } from "@/lib/pages";

export default async function AdminHome() {
  const actor = await pageCentral("/admin");
  const db = getDb();
  const [[localEntities], [operators], outbox] = await Promise.all([
    db.select({ n: count() }).from(entities).where(eq(entities.kind, "local")),
    db.select({ n: count() }).from(users),
    outboxStatusCounts(db),
  ]);
  return (
    <>
      <PageHeader title={`Hello, ${actor.name.split(" ")[0]}`} description="The central area of your distributed marketing network." />
      <div className="grid gap-4 md:grid-cols-3">
        <Stat label="Local entities" value={localEntities?.n ?? 0} href="/admin/entities" />
        <Stat label="Operators" value={operators?.n ?? 0} href={actor.isAdmin ? "/admin/operators" : undefined} />
        <Card>
          <StatusBar
            title="Emails"
            segments={[
              { label: "Sent", value: outbox.sent, className: "bg-emerald-500" },
              { label: "Queued", value: outbox.queued + outbox.sending, className: "bg-blue-400" },
              { label: "Failed", value: outbox.failed, className: "bg-red-500" },
            ]}
          />
          <Link href="/admin/outbox" className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline">
            Open the outbox
          </Link>
        </Card>
      </div>
    </>
  );
}

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  return (
    <Card>
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p className="mt-1 text-3xl font-semibold text-slate-900">{value.toLocaleString("en")}</p>
      {href ? (
        <Link href={href} className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline">
          View all
        </Link>
      ) : null}
    </Card>
  );
}
