import type { Metadata } from "next";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { listLocalOperators, listParentOptions } from "@/lib/entities/queries";
import { pageCentral } from "@/lib/pages";
import { EntityForm } from "../entity-form";

export const metadata: Metadata = { title: "New entity" };

export default async function NewEntityPage() {
  await pageCentral("/admin/entities/new");
  const db = getDb();
  const [parents, operators] = await Promise.all([listParentOptions(db), listLocalOperators(db)]);
  return (
    <>
      <PageHeader title="New local entity" />
      <EntityForm
        parents={parents.map((p) => ({ id: p.id, label: p.label }))}
        operators={operators}
        initial={{ label: "", internalName: "", email: "", phone: "", address: "", parentId: "", members: [], packageNotification: [], orderReviewers: [], campaignReviewers: [] }}
      />
    </>
  );
}
