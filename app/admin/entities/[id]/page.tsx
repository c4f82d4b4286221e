import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/card";
import { getEntityForEdit, listLocalOperators, listParentOptions } from "@/lib/entities/queries";
import { pageCentral } from "@/lib/pages";
import { EntityForm } from "../entity-form";

export const metadata: Metadata = { title: "Edit entity" };

export default async function EditEntityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await pageCentral(`/admin/entities/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const [found, parents, operators] = await Promise.all([getEntityForEdit(db, id), listParentOptions(db), listLocalOperators(db)]);
  if (!found) notFound();
  return (
    <>
      <PageHeader title={found.entity.label} description={`Portal: /portal/${found.entity.internalName}`} />
      <EntityForm id={id} initial={found.values} parents={parents.map((p) => ({ id: p.id, label: p.label }))} operators={operators} />
    </>
  );
}
