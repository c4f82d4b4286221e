import type { Metadata } from "next";
import { getDb } from "@/db";
import { Card, PageHeader } from "@/components/ui/card";
import { listParentOptions } from "@/lib/entities/queries";
import { listOperators, listPendingInvitations, operatorSortable } from "@/lib/operators/queries";
import { pageAdmin } from "@/lib/pages";
import { firstParam, parseTableQuery, type SearchParams } from "@/lib/tables/params";
import { formatDateTime } from "@/lib/utils";
import { InviteForm } from "./invite-form";
import { OperatorsTable } from "./operators-table";

export const metadata: Metadata = { title: "Operators" };

export default async function OperatorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await pageAdmin("/admin/operators");
  const sp = await searchParams;
  const query = parseTableQuery(sp, operatorSortable, { sort: "name" });
  const roleParam = firstParam(sp, "role");
  const role = roleParam === "central" || roleParam === "local" ? roleParam : undefined;
  const db = getDb();
  const [{ rows, total }, entities, pending] = await Promise.all([listOperators(db, { ...query, role }), listParentOptions(db), listPendingInvitations(db)]);
  return (
    <>
      <PageHeader title="Operators" description="Everyone who can sign in, with their role and entities. Invite new people by email." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_320px]">
        <OperatorsTable rows={rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))} total={total} />
        <div className="space-y-6">
          <InviteForm entities={entities.map((e) => ({ id: e.id, label: e.label }))} />
          <Card>
            <h2 className="mb-3 text-sm font-semibold text-slate-900">Pending invitations</h2>
            {pending.length === 0 ? (
              <p className="text-sm text-slate-500">None.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {pending.map((p) => (
                  <li key={p.id}>
                    <span className="font-medium text-slate-800">{p.name}</span> <span className="text-slate-500">{p.email}</span>
                    <span className="block text-xs text-slate-400">
                      {p.role} · invited {formatDateTime(p.createdAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
